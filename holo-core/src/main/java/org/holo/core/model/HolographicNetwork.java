package org.holo.core.model;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.RadialGrid;
import org.holo.core.ScalarTheory;
import org.holo.core.boundary.BoundaryMap;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.horizon.HorizonCondition;
import org.holo.core.layer.LayerMap;
import org.holo.core.metric.MetricParametrisation;

/**
 * The network: boundary data → {@link BoundaryMap} → N layers of the {@link LayerMap} with the metric h
 * from its {@link MetricParametrisation} → {@link HorizonCondition} F at η_fin → output t(F).
 */
public final class HolographicNetwork {

    /** The block of the quartic coupling λ. */
    public static final String LAMBDA = "lambda";

    private final RadialGrid grid;
    private final ScalarTheory theory;
    private final LayerMap layerMap;
    private final BoundaryMap boundary;
    private final HorizonCondition horizon;
    private final BumpOutput output;
    private final MetricParametrisation metric;
    private final ParameterLayout layout;
    private final List<ParameterSpec> specs;
    private final int metricOffset;
    private final int radiusOffset;
    private final int boundaryOffset;
    private final int boundarySize;
    private final int lambdaOffset;

    /** With the trainability of L and λ given, and the metric's extra blocks (c of c/η + r) trained. */
    public HolographicNetwork(RadialGrid grid, ScalarTheory theory, LayerMap layerMap, BoundaryMap boundary,
                              HorizonCondition horizon, BumpOutput output, MetricParametrisation metric,
                              boolean trainRadius, boolean trainLambda) {
        this(grid, theory, layerMap, boundary, horizon, output, metric, trainRadius, trainLambda, true);
    }

    /**
     * With the trainability of L, λ and the metric's blocks after its first (c of c/η + r) given, overriding what the
     * components declare; λ starts at 0. For tests and callers that set the parameters themselves.
     */
    public HolographicNetwork(RadialGrid grid, ScalarTheory theory, LayerMap layerMap, BoundaryMap boundary,
                              HorizonCondition horizon, BumpOutput output, MetricParametrisation metric,
                              boolean trainRadius, boolean trainLambda, boolean trainHorizon) {
        this(grid, theory, layerMap, boundary, horizon, output, metric, ParameterSpec.scalar(LAMBDA, trainLambda, 0.0),
                retrained(metric.parameters(), 1, trainHorizon), retrained(boundary.parameters(), 0, trainRadius));
    }

    /**
     * The network with the parameter blocks its components declare: the metric's, the boundary map's, then the
     * coupling λ of V = λφ⁴/4 ({@code lambda}, a block named {@value #LAMBDA}).
     */
    public HolographicNetwork(RadialGrid grid, ScalarTheory theory, LayerMap layerMap, BoundaryMap boundary,
                              HorizonCondition horizon, BumpOutput output, MetricParametrisation metric, ParameterSpec lambda) {
        this(grid, theory, layerMap, boundary, horizon, output, metric, lambda, metric.parameters(), boundary.parameters());
    }

    private HolographicNetwork(RadialGrid grid, ScalarTheory theory, LayerMap layerMap, BoundaryMap boundary,
                               HorizonCondition horizon, BumpOutput output, MetricParametrisation metric, ParameterSpec lambda,
                               List<ParameterSpec> metricBlocks, List<ParameterSpec> boundaryBlocks) {
        if (!LAMBDA.equals(lambda.name()) || lambda.size() != 1) {
            throw new IllegalArgumentException("the coupling block must be one value named '" + LAMBDA + "', got " + lambda);
        }
        this.grid = grid;
        this.theory = theory;
        this.layerMap = layerMap;
        this.boundary = boundary;
        this.horizon = horizon;
        this.output = output;
        this.metric = metric;
        List<ParameterSpec> specs = new ArrayList<>(metricBlocks);
        specs.addAll(boundaryBlocks);
        specs.add(lambda);
        this.specs = List.copyOf(specs);
        int metricSize = 0;
        for (ParameterSpec p : metricBlocks) {
            metricSize += p.size();
        }
        if (metricSize != metric.size()) {
            throw new IllegalArgumentException("metric parametrisation declares blocks of " + metricSize + " parameters but has size " + metric.size());
        }
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (ParameterSpec p : this.specs) {
            b.add(p.name(), p.size(), p.trainable());
        }
        this.layout = b.build();
        this.metricOffset = metricBlocks.isEmpty() ? 0 : layout.offsetOf(metricBlocks.get(0).name());
        this.boundaryOffset = boundaryBlocks.isEmpty() ? -1 : layout.offsetOf(boundaryBlocks.get(0).name());
        int boundarySize = 0;
        for (ParameterSpec p : boundaryBlocks) {
            boundarySize += p.size();
        }
        this.boundarySize = boundarySize;
        this.radiusOffset = boundary.usesRadius() ? boundaryOffset : -1;
        this.lambdaOffset = layout.offsetOf(LAMBDA);
    }

    private static List<ParameterSpec> retrained(List<ParameterSpec> blocks, int from, boolean trainable) {
        List<ParameterSpec> out = new ArrayList<>(blocks);
        for (int i = from; i < out.size(); i++) {
            ParameterSpec p = out.get(i);
            out.set(i, new ParameterSpec(p.name(), p.size(), trainable, p.initialiser(), p.regularisedBy()));
        }
        return out;
    }

    /** The declared parameter blocks, in layout order. */
    public List<ParameterSpec> parameterSpecs() {
        return specs;
    }

    /** Initial parameters: each block filled by its own initialiser, in layout order, drawing from {@code draws}. */
    public double[] initialParameters(ParameterSpec.NormalDraws draws) {
        double[] p = new double[layout.size()];
        for (ParameterSpec spec : specs) {
            double[] block = new double[spec.size()];
            spec.initialiser().initialise(block, draws);
            System.arraycopy(block, 0, p, layout.offsetOf(spec.name()), block.length);
        }
        return p;
    }

    public RadialGrid grid() {
        return grid;
    }

    public ScalarTheory theory() {
        return theory;
    }

    public LayerMap layerMap() {
        return layerMap;
    }

    public BoundaryMap boundary() {
        return boundary;
    }

    public HorizonCondition horizon() {
        return horizon;
    }

    public BumpOutput output() {
        return output;
    }

    public MetricParametrisation metric() {
        return metric;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** h at the layer positions η_0 … η_{N−1}, whatever the parametrisation: the learned metric. */
    public double[] metricAtLayers(double[] params) {
        double[] h = new double[grid.layers()];
        metric.layerValues(params, metricOffset, h);
        return h;
    }

    /** Offset of the metric block (its per-layer weights first) in the parameter vector. */
    public int metricOffset() {
        return metricOffset;
    }

    int radiusOffset() {
        return radiusOffset;
    }

    /** Offset of the boundary map's first block in the parameter vector (−1 when it declares none). */
    public int boundaryOffset() {
        return boundaryOffset;
    }

    /** Number of parameters in the boundary map's blocks. */
    public int boundarySize() {
        return boundarySize;
    }

    int lambdaOffset() {
        return lambdaOffset;
    }

    /** The AdS radius L in the parameter vector, or NaN when the boundary map does not use one. */
    public double radius(double[] params) {
        return radiusOffset < 0 ? Double.NaN : params[radiusOffset];
    }

    public double lambda(double[] params) {
        return params[lambdaOffset];
    }

    /** Number of h values a forward pass reads (the layer map's nodes). */
    public int nodeCount() {
        return layerMap.nodes().length;
    }

    /**
     * The horizon value F for each input, in batches of the workspace's capacity; {@code ws} is scratch
     * ({@link Workspace} of this network).
     */
    public void horizonValues(double[] params, double[] x0, double[] x1, int n, double[] out, Workspace ws) {
        metric.values(params, metricOffset, ws.hNodes);
        double lambda = lambda(params);
        for (int from = 0; from < n; from += ws.capacity) {
            int m = Math.min(ws.capacity, n - from);
            double[] in0 = x0;
            double[] in1 = x1;
            if (from > 0) {
                System.arraycopy(x0, from, ws.x0, 0, m);
                System.arraycopy(x1, from, ws.x1, 0, m);
                in0 = ws.x0;
                in1 = ws.x1;
            }
            forward(params, lambda, in0, in1, m, ws);
            System.arraycopy(ws.f, 0, out, from, m);
        }
    }

    /**
     * The forward pass of samples 0 … m−1 with h at the nodes already in ws.hNodes: the states of every layer into
     * ws.phi, ws.pi (layer-major) and F into ws.f.
     */
    void forward(double[] params, double lambda, double[] x0, double[] x1, int m, Workspace ws) {
        boundary.forward(params, boundaryOffset, lambda, x0, x1, m, ws.phi[0], ws.pi[0]);
        layerMap.forward(ws.hNodes, lambda, ws.phi, ws.pi, m);
        int last = grid.layers();
        horizon.values(ws.phi[last], ws.pi[last], m, lambda, ws.f);
    }

    /** Convenience: F for one input, with a throw-away workspace. */
    public double horizonValue(double[] params, double x0, double x1) {
        double[] out = new double[1];
        horizonValues(params, new double[] {x0}, new double[] {x1}, 1, out, new Workspace(this, 1));
        return out[0];
    }

    /**
     * Scratch arrays for one thread evaluating batches of up to {@code capacity} samples, structure of arrays: the
     * states layer-major ({@code phi[i][b]}), every per-sample quantity a column indexed by the sample.
     */
    public static final class Workspace {
        final double[] hNodes;
        final double[] dhNodes;
        final double[][] phi;
        final double[][] pi;
        final double[] f;
        final double[] t;
        final double[] dtdF;
        final double[] dt;
        final double[] outputScratchA;
        final double[] outputScratchB;
        // the reverse pass, over the samples that contribute (compacted, in order)
        final int[] active;
        final double[] x0;
        final double[] x1;
        final double[] aF;
        final double[] adjPhi;
        final double[] adjPi;
        final double[] dFdPhi;
        final double[] dFdPi;
        final double[] dFdLambda;
        final double[] dLambdaLayers;
        final double[] dLambdaBoundary;
        final int[] slotNodes;
        final double[][] dhSlots;
        final SlotSums slotSums;
        final double[] zeros;
        final double[][] dBoundary;
        final int capacity;

        public Workspace(HolographicNetwork network, int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("workspace capacity must be positive, got " + capacity);
            }
            int nodes = network.nodeCount();
            int rows = network.grid.layers() + 1;
            this.capacity = capacity;
            this.hNodes = new double[nodes];
            this.dhNodes = new double[nodes];
            this.phi = new double[rows][capacity];
            this.pi = new double[rows][capacity];
            this.f = new double[capacity];
            this.t = new double[capacity];
            this.dtdF = new double[capacity];
            this.dt = new double[capacity];
            this.outputScratchA = new double[capacity];
            this.outputScratchB = new double[capacity];
            this.active = new int[capacity];
            this.x0 = new double[capacity];
            this.x1 = new double[capacity];
            this.aF = new double[capacity];
            this.adjPhi = new double[capacity];
            this.adjPi = new double[capacity];
            this.dFdPhi = new double[capacity];
            this.dFdPi = new double[capacity];
            this.dFdLambda = new double[capacity];
            this.dLambdaLayers = new double[capacity];
            this.dLambdaBoundary = new double[capacity];
            this.slotNodes = network.layerMap.dhSlots();
            for (int node : slotNodes) {
                if (node < 0 || node >= nodes) {
                    throw new IllegalArgumentException("layer scheme '" + network.layerMap.name() + "' adds to node " + node
                            + " of its " + nodes + " nodes");
                }
            }
            this.dhSlots = new double[slotNodes.length][capacity];
            this.slotSums = new SlotSums(slotNodes);
            this.zeros = new double[capacity];
            this.dBoundary = new double[network.boundarySize][capacity];
        }

        public int capacity() {
            return capacity;
        }
    }
}
