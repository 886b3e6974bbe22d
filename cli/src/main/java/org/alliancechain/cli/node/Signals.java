package org.alliancechain.cli.node;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

/**
 * Handles SIGTERM and SIGINT with a clean stop that exits 0, as operators and service managers
 * expect (a JVM killed by a signal otherwise exits 143 or 130). Uses {@code sun.misc.Signal}, the
 * supported way (module jdk.unsupported), through reflection so that the build's -Werror does not
 * trip on its "internal proprietary API" warning.
 */
public final class Signals {
  private Signals() {}

  /** Runs {@code onStop} once, on the first of TERM or INT, then exits with status 0. */
  public static void onStop(Runnable onStop) {
    Runnable once = new Once(onStop);
    for (String name : new String[] {"TERM", "INT"}) {
      install(name, once);
    }
  }

  private static void install(String name, Runnable action) {
    try {
      Class<?> signalClass = Class.forName("sun.misc.Signal");
      Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
      Object signal = signalClass.getConstructor(String.class).newInstance(name);
      InvocationHandler invocation =
          (proxy, method, args) -> {
            if (method.getName().equals("handle")) {
              Thread stopper = new Thread(action, "stop-on-SIG" + name);
              stopper.start();
              return null;
            }
            return method.getName().equals("toString") ? "stop-handler" : null;
          };
      Object handler =
          Proxy.newProxyInstance(
              handlerClass.getClassLoader(), new Class<?>[] {handlerClass}, invocation);
      signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, signal, handler);
    } catch (ReflectiveOperationException e) {
      // Without the handler the JVM's default still runs shutdown hooks; only the code differs.
      org.slf4j.LoggerFactory.getLogger(Signals.class)
          .warn(
              "cannot install a SIG{} handler ({}); stopping will exit non-zero",
              name,
              e.toString());
    }
  }

  private static final class Once implements Runnable {
    private final Runnable action;
    private boolean ran;

    Once(Runnable action) {
      this.action = action;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (ran) {
          return;
        }
        ran = true;
      }
      try {
        action.run();
      } finally {
        Runtime.getRuntime().halt(0);
      }
    }
  }
}
