package org.alliancechain.token.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;

/** Canonical encodings shared by the token module's records. */
public final class Codecs {
  private Codecs() {}

  public static void keys(CanonicalWriter w, List<PublicKey> keys) {
    w.count(keys.size());
    for (PublicKey key : keys) {
      key.encode(w);
    }
  }

  /** A list of keys in strictly ascending order (so the encoding of a set is unique). */
  public static List<PublicKey> sortedKeys(CanonicalReader r, String what, int max) {
    List<PublicKey> keys = list(r, what, max, reader -> PublicKey.decode(reader, what));
    for (int i = 1; i < keys.size(); i++) {
      if (keys.get(i - 1).compareTo(keys.get(i)) >= 0) {
        throw new DecodeException(DecodeException.Reason.NON_CANONICAL, what + " not sorted");
      }
    }
    return keys;
  }

  public static <T> void list(CanonicalWriter w, List<T> items, BiConsumer<CanonicalWriter, T> f) {
    w.count(items.size());
    for (T item : items) {
      f.accept(w, item);
    }
  }

  public static <T> List<T> list(
      CanonicalReader r, String what, int max, Function<CanonicalReader, T> f) {
    int count = r.count(what, max);
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(f.apply(r));
    }
    return List.copyOf(out);
  }

  /**
   * The wire code of an enum constant: its ordinal. Every enum written this way says "only append"
   * where it is declared, so codes never change.
   */
  @SuppressWarnings("EnumOrdinal")
  public static int code(Enum<?> value) {
    return value.ordinal();
  }

  public static <E extends Enum<E>> E enumValue(CanonicalReader r, Class<E> type, String what) {
    int ordinal = r.u8(what);
    E[] values = type.getEnumConstants();
    if (ordinal >= values.length) {
      throw new DecodeException(DecodeException.Reason.UNKNOWN_KIND, what + " " + ordinal);
    }
    return values[ordinal];
  }

  public static long positive(CanonicalReader r, String what) {
    long value = r.u63(what);
    if (value == 0) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, what + " must be positive");
    }
    return value;
  }

  public static String text(CanonicalReader r, String what, int maxBytes) {
    return r.string(what, maxBytes);
  }

  public static String nonEmptyText(CanonicalReader r, String what, int maxBytes) {
    String text = r.string(what, maxBytes);
    if (text.isEmpty()) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, what + " is empty");
    }
    return text;
  }
}
