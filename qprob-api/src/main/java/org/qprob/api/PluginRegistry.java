package org.qprob.api;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plugins of one kind found on the class path by {@link ServiceLoader}, keyed by name. A name registered twice
 * fails at load time; an unknown name fails with one line listing the known names.
 *
 * @param <P> the provider type, e.g. {@link org.qprob.api.env.EnvironmentProvider}
 */
public final class PluginRegistry<P> {
  private final String kind;
  private final Map<String, P> byName;

  private PluginRegistry(String kind, Map<String, P> byName) {
    this.kind = kind;
    this.byName = Collections.unmodifiableMap(byName);
  }

  /**
   * Loads every provider of {@code type} visible to {@code type}'s class loader.
   *
   * @param kind what they are, for messages: {@code "environment"}, {@code "loss"}
   * @param name how a provider names itself
   */
  public static <P> PluginRegistry<P> load(Class<P> type, String kind, Function<P, String> name) {
    return load(type, kind, name, Thread.currentThread().getContextClassLoader());
  }

  /** As {@link #load(Class, String, Function)}, from the given class loader. */
  public static <P> PluginRegistry<P> load(Class<P> type, String kind, Function<P, String> name, ClassLoader loader) {
    Map<String, P> found = new TreeMap<>();
    for (P provider : ServiceLoader.load(type, loader)) {
      String key = name.apply(provider);
      P previous = found.putIfAbsent(key, provider);
      if (previous != null && previous.getClass() != provider.getClass()) {
        throw new IllegalStateException(kind + " '" + key + "' is registered twice: by " + previous.getClass().getName()
            + " and by " + provider.getClass().getName());
      }
    }
    return new PluginRegistry<>(kind, found);
  }

  /** The provider registered as {@code name}; fails with one line listing the known names if there is none. */
  public P get(String name) {
    P p = byName.get(name);
    if (p == null) {
      throw unknown(kind, name, byName.keySet());
    }
    return p;
  }

  /** The one wording of a name nobody registered: {@code unknown loss 'x'; known: a, b}, the known names sorted. */
  public static IllegalArgumentException unknown(String kind, String name, Collection<String> known) {
    return new IllegalArgumentException("unknown " + kind + " '" + name + "'; known: "
        + String.join(", ", new TreeSet<>(known)));
  }

  /** Every provider, sorted by name. */
  public Map<String, P> all() {
    return byName;
  }

  /** What the providers are, e.g. {@code "environment"}. */
  public String kind() {
    return kind;
  }
}
