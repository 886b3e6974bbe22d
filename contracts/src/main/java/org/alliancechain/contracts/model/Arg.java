package org.alliancechain.contracts.model;

/** An argument of a call: a placeholder (or keyword) reference, or a non-negative integer. */
public sealed interface Arg permits Arg.Ref, Arg.Literal {

  /** A name: a placeholder bound in {@code <parameters>}, or a keyword such as {@code signed}. */
  record Ref(String name) implements Arg {
    @Override
    public String toString() {
      return name;
    }
  }

  record Literal(long value) implements Arg {
    public Literal {
      if (value < 0) {
        throw new IllegalArgumentException("literals are non-negative: " + value);
      }
    }

    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  static Arg ref(String name) {
    return new Ref(name);
  }

  static Arg literal(long value) {
    return new Literal(value);
  }
}
