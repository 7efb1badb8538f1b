package org.holo.core.component;

/**
 * One implementation of a kind of component (a layer scheme, a boundary map, an observable, …), named in configs
 * and found through {@link java.util.ServiceLoader}: a jar adds components by listing its providers in
 * {@code META-INF/services/<the kind's provider interface>}. Each kind extends this interface with its factory method.
 */
public interface ComponentProvider {

    /** The name a config uses to choose this component, e.g. {@code rk4}; unique within its kind. */
    String name();

    /** One line for {@code holo components}: what it is, in the physics' words. */
    String description();
}
