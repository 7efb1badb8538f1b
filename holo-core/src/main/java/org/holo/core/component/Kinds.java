package org.holo.core.component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Every kind of component that a {@link KindCatalog} on the class path or in a plugin jar declares. */
public final class Kinds {

    private Kinds() {
    }

    /** The kinds sorted by name; a kind declared by two catalogs is listed once. */
    public static List<Kind<?>> all() {
        List<Kind<?>> kinds = new ArrayList<>();
        try {
            for (KindCatalog c : ServiceLoader.load(KindCatalog.class, Plugins.classLoader())) {
                for (Kind<?> k : c.kinds()) {
                    if (!kinds.contains(k)) {
                        kinds.add(k);
                    }
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("cannot load the kinds of component: " + e.getMessage(), e);
        }
        kinds.sort(Comparator.comparing(Kind::name));
        return kinds;
    }
}
