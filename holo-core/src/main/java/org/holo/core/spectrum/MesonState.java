package org.holo.core.spectrum;

/**
 * One meson level as data: name, spin S, radial number n, mass and its uncertainty, width (GeV), status, and the
 * line of the file it came from (0 when not from a file).
 */
public record MesonState(String name, int spin, int n, double mass, double sigma, double width, String status, int line) {

    /**
     * The uncertainty the loss divides by: the measured one, or {@code widthFraction} × Γ when that is larger
     * (physics.md §9.5: for broad states the pole mass is model dependent at a fraction of the width).
     */
    public double effectiveSigma(double widthFraction) {
        return Math.max(sigma, widthFraction * width);
    }
}
