package org.alliancechain.p2p.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.alliancechain.core.Bytes;

/**
 * Read-only files bundled in the jar (the web console), served under one URL prefix. A request path
 * maps to a classpath resource through the first mount whose prefix it starts with; only plain
 * names are accepted (no {@code .} or {@code ..} segment, no hidden files, no backslash), and only
 * files with a known extension are served, so nothing outside the mounted folders — and no
 * directory listing — can be reached.
 */
public final class StaticFiles {
  /** Longest request path below the prefix, in characters. */
  public static final int PATH_CHARS_MAX = 256;

  /** Deepest request path below the prefix, in segments. */
  public static final int PATH_SEGMENTS_MAX = 8;

  /** Largest file served; a bigger resource is a packaging mistake and is refused. */
  public static final int FILE_BYTES_MAX = 4 * 1024 * 1024;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "mjs", "text/javascript; charset=utf-8",
          "json", "application/json; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "ico", "image/x-icon",
          "txt", "text/plain; charset=utf-8");

  /**
   * URL prefix below the route (may be empty, for the catch-all mount) and the classpath folder it
   * maps to. A mount's cache policy applies to every file in it.
   */
  public record Mount(String urlPrefix, String classpathRoot, String cacheControl) {
    public Mount {
      if (!urlPrefix.isEmpty() && !urlPrefix.endsWith("/")) {
        throw new IllegalArgumentException("a mount prefix ends with /: " + urlPrefix);
      }
      if (classpathRoot.startsWith("/") || !classpathRoot.endsWith("/")) {
        throw new IllegalArgumentException("a classpath root is relative and ends with /");
      }
    }
  }

  /** A file ready to send: its bytes, content type, strong validator and cache policy. */
  public record File(Bytes bytes, String contentType, String etag, String cacheControl) {}

  private final List<Mount> mounts;
  private final String indexFile;
  private final ClassLoader loader;
  // Only files that exist are cached, so the map is bounded by what the jar holds.
  private final Map<String, File> cache = new ConcurrentHashMap<>();

  /**
   * @param mounts tried in order; put longer prefixes first
   * @param indexFile served for the empty path (the route itself)
   */
  public StaticFiles(List<Mount> mounts, String indexFile, ClassLoader loader) {
    this.mounts = List.copyOf(mounts);
    this.indexFile = indexFile;
    this.loader = loader;
  }

  /** The file for {@code path} (relative to the route, without a leading slash), if served. */
  public Optional<File> resolve(String path) {
    String relative = path.isEmpty() ? indexFile : path;
    if (!acceptable(relative)) {
      return Optional.empty();
    }
    File cached = cache.get(relative);
    if (cached != null) {
      return Optional.of(cached);
    }
    for (Mount m : mounts) {
      if (relative.startsWith(m.urlPrefix())) {
        Optional<File> file =
            load(m.classpathRoot() + relative.substring(m.urlPrefix().length()), m.cacheControl());
        file.ifPresent(f -> cache.put(relative, f));
        return file;
      }
    }
    return Optional.empty();
  }

  /** Whether the path has only plain segments and a served extension. */
  static boolean acceptable(String path) {
    if (path.length() > PATH_CHARS_MAX) {
      return false;
    }
    String[] segments = path.split("/", -1);
    if (segments.length > PATH_SEGMENTS_MAX) {
      return false;
    }
    for (String s : segments) {
      if (!SEGMENT.matcher(s).matches()) {
        return false;
      }
    }
    return contentType(path).isPresent();
  }

  static Optional<String> contentType(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    if (dot <= slash + 1) {
      return Optional.empty();
    }
    return Optional.ofNullable(CONTENT_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  private Optional<File> load(String resource, String cacheControl) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readNBytes(FILE_BYTES_MAX + 1);
      if (bytes.length > FILE_BYTES_MAX) {
        throw new IllegalStateException(resource + " is over " + FILE_BYTES_MAX + " bytes");
      }
      String type = contentType(resource).orElseThrow();
      return Optional.of(new File(Bytes.wrap(bytes), type, etag(bytes), cacheControl));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled file " + resource, e);
    }
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present", e);
    }
  }
}
