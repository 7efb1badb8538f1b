package org.holo.train.spectrum;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.holo.core.data.DataFormatException;
import org.holo.core.data.LabelledData;
import org.holo.core.model.ParameterLayout;
import org.holo.core.spectrum.MesonModel;
import org.holo.core.spectrum.MesonState;
import org.holo.core.spectrum.MesonTable;
import org.holo.core.spectrum.PowerSeriesProfile;
import org.holo.core.spectrum.SpectralGrid;
import org.holo.train.config.ConfigException;
import org.holo.train.random.Rng;
import org.holo.train.random.SeedStreams;

/** A meson-spectrum config made concrete: the model, the states trained on and held out, the objective, the start. */
public final class SpectralExperiment {

    /** Parameter blocks: a's coefficients, then Φ's. */
    public static final String WARP = "warp";
    public static final String DILATON = "dilaton";
    /** The training data's input columns: the spin and the radial number of each state; the label is the mass (GeV). */
    public static final List<String> COLUMNS = List.of("spin", "n");

    private final SpectralConfig config;
    private final SeedStreams seeds;
    private final MesonModel model;
    private final ParameterLayout layout;
    private final List<MesonState> trained;
    private final List<MesonState> heldOut;
    private final double widthFraction;
    private final LabelledData data;
    private final List<Path> inputFiles;
    private final double[] initialParams;

    private SpectralExperiment(SpectralConfig config, MesonModel model, List<MesonState> trained, List<MesonState> heldOut,
                               double widthFraction, List<Path> inputFiles) {
        this.config = config;
        this.seeds = new SeedStreams(config.training.seed);
        this.model = model;
        this.layout = ParameterLayout.builder().add(WARP, model.warp().size(), true).add(DILATON, model.dilaton().size(), true).build();
        this.trained = List.copyOf(trained);
        this.heldOut = List.copyOf(heldOut);
        this.widthFraction = widthFraction;
        this.inputFiles = List.copyOf(inputFiles);
        double[] spin = new double[trained.size()];
        double[] n = new double[trained.size()];
        double[] mass = new double[trained.size()];
        for (int i = 0; i < trained.size(); i++) {
            spin[i] = trained.get(i).spin();
            n[i] = trained.get(i).n();
            mass[i] = trained.get(i).mass();
        }
        this.data = new LabelledData(COLUMNS, spin, n, mass);
        this.initialParams = start(config, model, seeds.stream(SeedStreams.INIT));
    }

    /** The model section alone: grid and profiles (no data, no seed). */
    public static MesonModel model(SpectralConfig.Model m) {
        return new MesonModel(new SpectralGrid(m.zMax_GeV_inv, m.points),
                new PowerSeriesProfile(m.zMax_GeV_inv, m.warp.lowestPower, m.warp.degree),
                new PowerSeriesProfile(m.zMax_GeV_inv, m.dilaton.lowestPower, m.dilaton.degree));
    }

    public static SpectralExperiment build(SpectralConfig config) throws IOException {
        MesonModel model = model(config.model);
        List<MesonState> trained = new ArrayList<>();
        List<MesonState> heldOut = new ArrayList<>();
        if (config.data instanceof SpectralConfig.Data.Pdg p) {
            Path file = Path.of(p.file);
            List<MesonState> all = MesonTable.read(file);
            Set<String> names = new TreeSet<>();
            all.forEach(s -> names.add(s.name()));
            List<String> wanted = List.of(p.train);
            for (int i = 0; i < p.train.length; i++) {
                if (!names.contains(p.train[i])) {
                    throw new ConfigException(config.name + ": data.train[" + i + "]: no state " + p.train[i] + " in " + file
                            + " (it has " + String.join(", ", names) + ")");
                }
            }
            for (MesonState s : all) {
                (wanted.isEmpty() || wanted.contains(s.name()) ? trained : heldOut).add(s);
            }
            if (trained.isEmpty()) {
                throw new DataFormatException(file.toString(), 0, "no states to train on");
            }
            return new SpectralExperiment(config, model, trained, heldOut, p.widthFraction, List.of(file));
        }
        SpectralConfig.Data.SoftWall w = (SpectralConfig.Data.SoftWall) config.data;
        for (int spin : w.spins) {
            for (int n = 0; n < w.levels + w.heldOutLevels; n++) {
                double mass = 2 * w.kappa_GeV * Math.sqrt(n + spin);
                MesonState s = new MesonState("soft-wall S=" + spin + " n=" + n, spin, n, mass, w.relativeSigma * mass, 0.0, "exact", 0);
                (n < w.levels ? trained : heldOut).add(s);
            }
        }
        return new SpectralExperiment(config, model, trained, heldOut, 0.0, List.of());
    }

    /** The configured starting coefficients plus seeded Gaussian noise of standard deviation training.initStd. */
    private static double[] start(SpectralConfig config, MesonModel model, Rng rng) {
        double[] p = new double[model.parameterCount()];
        System.arraycopy(config.model.warp.initial, 0, p, 0, config.model.warp.initial.length);
        System.arraycopy(config.model.dilaton.initial, 0, p, model.dilatonOffset(), config.model.dilaton.initial.length);
        for (int i = 0; i < p.length; i++) {
            p[i] += config.training.initStd * rng.gaussian();
        }
        return p;
    }

    public SpectralConfig config() {
        return config;
    }

    public SeedStreams seeds() {
        return seeds;
    }

    public MesonModel model() {
        return model;
    }

    public ParameterLayout layout() {
        return layout;
    }

    public List<MesonState> trained() {
        return trained;
    }

    public List<MesonState> heldOut() {
        return heldOut;
    }

    /** Trained states first, then held-out ones, in file (or spin, n) order. */
    public List<MesonState> allStates() {
        List<MesonState> all = new ArrayList<>(trained);
        all.addAll(heldOut);
        return all;
    }

    public double widthFraction() {
        return widthFraction;
    }

    public LabelledData data() {
        return data;
    }

    public List<Path> inputFiles() {
        return inputFiles;
    }

    public double[] initialParams() {
        return initialParams.clone();
    }

    public SpectralObjective objective() {
        return new SpectralObjective(model, trained, widthFraction, config.training.smoothness, config.training.smoothnessOrder);
    }
}
