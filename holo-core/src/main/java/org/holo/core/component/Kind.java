package org.holo.core.component;

/**
 * A kind of component: the provider interface that {@link java.util.ServiceLoader} looks up, the kind's name in
 * listings and error messages, and the config field that chooses one (e.g. {@code model.scheme}).
 */
public record Kind<P extends ComponentProvider>(String name, Class<P> provider, String configField) {
}
