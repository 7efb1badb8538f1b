package org.holo.core.component;

import java.util.List;

/**
 * The kinds of component one module (or plugin jar) defines, found through {@link java.util.ServiceLoader}: a module
 * lists its catalog in {@code META-INF/services/org.holo.core.component.KindCatalog}, and {@link Kinds#all()}, which
 * {@code holo components} prints, sees its kinds without an edit anywhere else.
 */
public interface KindCatalog {

    List<Kind<?>> kinds();
}
