package org.holo.train.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.holo.core.component.Settings;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.NumericTable;
import org.holo.train.config.DataConfig;

/** physics.md §6.1: (m_q, ⟨q̄q⟩) points in a band around a polynomial fit of a dataset, labelled by the band. */
public final class BandSource implements DataSource {

    private final DataConfig.Band band;

    BandSource(DataConfig.Band band) {
        this.band = band;
    }

    @Override
    public DataSources.Loaded load(Request request) throws IOException {
        DataConfig.Band b = band;
        Path file = request.resolve(b.dataset);
        NumericTable points = DataSources.readTable(file, DataSources.QCD_POINT_COLUMNS);
        DataSources.requireNonNegative(points, DataSources.QCD_POINT_COLUMNS);
        PolynomialFit fit = DataSources.fitBand(points, b.fitDegree);
        requireBandMeetsBox(fit, file, b);
        BandSampler sampler = new BandSampler(fit, b.mqRange_GeV, b.condensateRange_GeV3, b.noiseStd_GeV3);
        return new DataSources.Loaded(sampler.sample(request.network().boundary().inputColumns(), b.positives, b.negatives,
                request.rng()), List.of(file));
    }

    /**
     * Fails fast, instead of after millions of draws, when the band around the fit stays far (more than 8 noise
     * standard deviations, where a positive is rarer than 1e-15 per draw) from the sampling box.
     */
    private static void requireBandMeetsBox(PolynomialFit fit, Path file, DataConfig.Band b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int n = 1000;
        for (int i = 0; i <= n; i++) {
            double v = fit.value(b.mqRange_GeV[0] + (b.mqRange_GeV[1] - b.mqRange_GeV[0]) * i / n);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double reach = 8 * b.noiseStd_GeV3;
        if (!(hi + reach >= b.condensateRange_GeV3[0] && lo - reach <= b.condensateRange_GeV3[1])) {
            throw new DataFormatException(file.toString(), 0, String.format(Locale.ROOT,
                    "the band around the degree-%d fit (condensate %.4g to %.4g GeV^3 over data.mqRange_GeV [%s, %s]) does not reach "
                            + "data.condensateRange_GeV3 [%s, %s]: no positive points can be sampled",
                    b.fitDegree, lo, hi, b.mqRange_GeV[0], b.mqRange_GeV[1], b.condensateRange_GeV3[0], b.condensateRange_GeV3[1]));
        }
    }

    public static final class Provider implements DataSourceProvider {

        @Override
        public String name() {
            return "band";
        }

        @Override
        public String description() {
            return "(m_q, condensate) points in a noisy band around a polynomial fit of a dataset (physics.md §6.1)";
        }

        @Override
        public DataSource create(Settings s) {
            // the typed section stays for the code that reads it (validation, reports); the defaults are its own
            DataConfig.Band b = new DataConfig.Band();
            b.dataset = s.text("dataset", b.dataset);
            b.fitDegree = s.integer("fitDegree", b.fitDegree);
            b.mqRange_GeV = s.numbers("mqRange_GeV", b.mqRange_GeV);
            b.condensateRange_GeV3 = s.numbers("condensateRange_GeV3", b.condensateRange_GeV3);
            b.noiseStd_GeV3 = s.number("noiseStd_GeV3", b.noiseStd_GeV3);
            b.positives = s.integer("positives", b.positives);
            b.negatives = s.integer("negatives", b.negatives);
            return new BandSource(b);
        }
    }
}
