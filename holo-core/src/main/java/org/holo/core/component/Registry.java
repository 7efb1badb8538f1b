package org.holo.core.component;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The components of one {@link Kind}, found through {@link ServiceLoader} in {@link Plugins#classLoader()}
 * (the DJL {@code EngineProvider} pattern): adding one is a new class plus a services entry, never an edit here.
 * Names are listed sorted; two providers of the same name are an error that names both origins.
 */
public final class Registry<P extends ComponentProvider> {

    private static final Map<Kind<?>, Registry<?>> CACHE = new ConcurrentHashMap<>();

    private final Kind<P> kind;
    private final Map<String, P> byName;

    private Registry(Kind<P> kind, Map<String, P> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    @SuppressWarnings("unchecked")
    public static <P extends ComponentProvider> Registry<P> of(Kind<P> kind) {
        return (Registry<P>) CACHE.computeIfAbsent(kind, k -> load(kind));
    }

    static void forgetAll() {
        CACHE.clear();
    }

    private static <P extends ComponentProvider> Registry<P> load(Kind<P> kind) {
        Map<String, P> found = new java.util.TreeMap<>();
        try {
            for (P p : ServiceLoader.load(kind.provider(), Plugins.classLoader())) {
                P before = found.putIfAbsent(p.name(), p);
                if (before != null) {
                    throw new IllegalArgumentException(kind.name() + " '" + p.name() + "' is provided twice: by "
                            + origin(before) + " and by " + origin(p));
                }
            }
        } catch (ServiceConfigurationError e) {
            // a plugin jar's services entry names a class that is missing or not a provider: the user's input is wrong
            throw new IllegalArgumentException("cannot load the " + kind.name() + " providers: " + e.getMessage(), e);
        }
        return new Registry<>(kind, Collections.unmodifiableMap(new LinkedHashMap<>(found)));
    }

    public Kind<P> kind() {
        return kind;
    }

    /** The provider named {@code name}; an error listing the known names otherwise. */
    public P get(String name) {
        P p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        return p;
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The message for a name that is not registered: {@code unknown <kind> 'x' (known: a, b)}. */
    public String unknown(String name) {
        return "unknown " + kind.name() + " '" + name + "' (known: " + String.join(", ", names()) + ")";
    }

    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    public List<P> all() {
        return new ArrayList<>(byName.values());
    }

    /** Where a provider's class was loaded from: its jar's file name, or the class directory. */
    public static String origin(ComponentProvider p) {
        CodeSource cs = p.getClass().getProtectionDomain().getCodeSource();
        URL url = cs == null ? null : cs.getLocation();
        if (url == null) {
            return "(unknown)";
        }
        String s = url.getPath();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }
}
