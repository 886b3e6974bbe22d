package org.alliancechain.p2p.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The route table: method plus a path pattern whose {@code {name}} segments bind parameters. The
 * first registered route that matches wins; a path that matches with another method is a 405.
 */
public final class Router {
  /** A path matched a route. */
  public record Match(Route route, Map<String, String> params) {}

  /** A registered route: JSON handler or event stream. */
  public record Route(String method, String pattern, List<String> segments, Target target) {}

  /** What a route serves. */
  public sealed interface Target {
    record Handler(ApiHandler handler) implements Target {}

    record Events(EventStream stream) implements Target {}

    /** Bundled files below the route's path; the rest of the path is parameter {@code path}. */
    record Files(StaticFiles files) implements Target {}
  }

  /** The outcome of routing. */
  public sealed interface Result {
    record Found(Match match) implements Result {}

    record MethodNotAllowed(TreeSet<String> allowed) implements Result {}

    record NotFound() implements Result {}
  }

  /** The parameter of a {@link #files} route that holds the path below its prefix. */
  public static final String FILES_PATH_PARAM = "path";

  private final List<Route> routes = new ArrayList<>();

  public Router get(String pattern, ApiHandler handler) {
    return add("GET", pattern, new Target.Handler(handler));
  }

  public Router post(String pattern, ApiHandler handler) {
    return add("POST", pattern, new Target.Handler(handler));
  }

  /** A server-sent-events endpoint (GET) fed by {@code stream}. */
  public Router events(String pattern, EventStream stream) {
    return add("GET", pattern, new Target.Events(stream));
  }

  /**
   * Serves {@code files} (GET) for {@code prefix} and every path below it: {@code /console}, {@code
   * /console/app.js}, {@code /console/vendor/x/y.js}. The rest of the path is bound to the
   * parameter {@code path} ("" for the prefix itself).
   */
  public Router files(String prefix, StaticFiles files) {
    return add("GET", prefix, new Target.Files(files));
  }

  private Router add(String method, String pattern, Target target) {
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("a pattern starts with /: " + pattern);
    }
    for (Route r : routes) {
      if (r.method().equals(method) && r.pattern().equals(pattern)) {
        throw new IllegalArgumentException("duplicate route " + method + " " + pattern);
      }
    }
    routes.add(new Route(method, pattern, split(pattern), target));
    return this;
  }

  public Result route(String method, String path) {
    List<String> segments = split(path);
    TreeSet<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      Optional<Map<String, String>> params =
          r.target() instanceof Target.Files
              ? matchPrefix(r.segments(), segments)
              : match(r.segments(), segments);
      if (params.isPresent()) {
        if (r.method().equals(method)) {
          return new Result.Found(new Match(r, params.get()));
        }
        allowed.add(r.method());
      }
    }
    return allowed.isEmpty() ? new Result.NotFound() : new Result.MethodNotAllowed(allowed);
  }

  private static Optional<Map<String, String>> match(List<String> pattern, List<String> path) {
    if (pattern.size() != path.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String p = pattern.get(i);
      if (p.startsWith("{") && p.endsWith("}")) {
        if (path.get(i).isEmpty()) {
          return Optional.empty();
        }
        params.put(p.substring(1, p.length() - 1), path.get(i));
      } else if (!p.equals(path.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }

  private static Optional<Map<String, String>> matchPrefix(List<String> prefix, List<String> path) {
    if (path.size() < prefix.size() || !path.subList(0, prefix.size()).equals(prefix)) {
      return Optional.empty();
    }
    return Optional.of(
        Map.of(FILES_PATH_PARAM, String.join("/", path.subList(prefix.size(), path.size()))));
  }

  private static List<String> split(String path) {
    List<String> out = new ArrayList<>();
    int start = 1;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      out.add(path.substring(start, end));
      start = end + 1;
    }
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1); // "/blocks/" is "/blocks"
    }
    return out;
  }
}
