package org.holo.train.backend;

import java.util.ArrayList;
import java.util.List;
import org.holo.core.horizon.BumpOutput;
import org.holo.core.loss.DataLoss;
import org.holo.core.loss.Regulariser;
import org.holo.core.model.HolographicNetwork;
import org.holo.core.model.ParameterSpec;
import org.holo.core.tensor.BoundaryTensorForm;
import org.holo.core.tensor.HorizonTensorForm;
import org.holo.core.tensor.LayerTensorForm;
import org.holo.core.tensor.LossTensorForm;
import org.holo.core.tensor.MetricTensorForm;
import org.holo.core.tensor.Phase;
import org.holo.core.tensor.RegulariserTensorForm;
import org.holo.core.tensor.Tensors;

/**
 * The training objective of a network composed from its components' tensor forms, for any {@link Tensors}
 * implementation: parameters (E × P) → metric, boundary map, layers, horizon condition, bump, data loss and
 * regularisers, for every member at once. It knows no component by name: each brings its own form, and a component
 * without one is refused when the objective is composed, in one line that names it and the form it lacks.
 */
public final class TensorObjective {

    private final MetricTensorForm metric;
    private final BoundaryTensorForm boundary;
    private final LayerTensorForm layers;
    private final HorizonTensorForm horizon;
    private final BumpOutput output;
    private final LossTensorForm loss;
    private final List<RegulariserTensorForm> regularisers;
    private final int metricOffset;
    private final int metricSize;
    private final int boundaryOffset;
    private final int boundarySize;
    private final int lambdaOffset;

    private TensorObjective(HolographicNetwork net, MetricTensorForm metric, BoundaryTensorForm boundary,
                            LayerTensorForm layers, HorizonTensorForm horizon, LossTensorForm loss,
                            List<RegulariserTensorForm> regularisers) {
        this.metric = metric;
        this.boundary = boundary;
        this.layers = layers;
        this.horizon = horizon;
        this.output = net.output();
        this.loss = loss;
        this.regularisers = List.copyOf(regularisers);
        this.metricOffset = net.metricOffset();
        this.metricSize = net.metric().size();
        List<ParameterSpec> own = net.boundary().parameters();
        int size = 0;
        for (ParameterSpec p : own) {
            size += p.size();
        }
        this.boundarySize = size;
        this.boundaryOffset = own.isEmpty() ? -1 : net.layout().offsetOf(own.get(0).name());
        this.lambdaOffset = net.layout().offsetOf(HolographicNetwork.LAMBDA);
    }

    /**
     * The objective of {@code network} with {@code loss} and {@code regularisers}, from their tensor forms.
     *
     * @param backend    the backend's name, for the refusal
     * @param metricName the metric parametrisation's config name (it has no name of its own), for the refusal
     * @throws IllegalArgumentException naming the first component without a tensor form
     */
    public static TensorObjective compose(String backend, HolographicNetwork network, DataLoss loss,
                                          List<Regulariser> regularisers, String metricName) {
        LayerTensorForm layers = form(backend, "layer scheme", network.layerMap().name(), network.layerMap(), LayerTensorForm.class);
        MetricTensorForm metric = form(backend, "metric parametrisation", metricName, network.metric(), MetricTensorForm.class);
        BoundaryTensorForm boundary = form(backend, "boundary map", network.boundary().name(), network.boundary(), BoundaryTensorForm.class);
        HorizonTensorForm horizon = form(backend, "horizon condition", network.horizon().name(), network.horizon(), HorizonTensorForm.class);
        LossTensorForm lossForm = form(backend, "loss", loss.name(), loss, LossTensorForm.class);
        List<RegulariserTensorForm> regs = new ArrayList<>();
        for (Regulariser r : regularisers) {
            regs.add(form(backend, "regulariser", r.name(), r, RegulariserTensorForm.class));
        }
        return new TensorObjective(network, metric, boundary, layers, horizon, lossForm, regs);
    }

    private static <F> F form(String backend, String kind, String name, Object component, Class<F> form) {
        if (form.isInstance(component)) {
            return form.cast(component);
        }
        throw new IllegalArgumentException("the " + backend + " backend cannot run " + kind + " '" + name + "': "
                + component.getClass().getName() + " has no tensor form (it does not implement " + form.getName()
                + "; see docs/extending.md); train it with --backend cpu");
    }

    /** One evaluation for every member: each of shape (E × 1) but {@code horizonValue}, F of shape (E × B). */
    public record Parts<T>(T total, T data, T regularisation, T horizonValue) {
    }

    /**
     * The objective of E members on their mini-batches.
     *
     * @param theta       the parameters, (E × P)
     * @param x0          first input column, (E × B)
     * @param x1          second input column, (E × B)
     * @param labels      y, (E × B)
     * @param fixed       (E × B) or null: where 1, t is fixed at 1 and carries no gradient (a state that
     *                    overflowed, which the adjoint skips)
     * @param regularised (E × 1) or null for all 1: where 0, the member's regularisers are held off (its warm-up)
     * @param zero        (E × 1) zeros: the regularisation when no regulariser has a term
     * @param batch       B
     */
    public <T> Parts<T> evaluate(Tensors<T> ops, T theta, T x0, T x1, T labels, T fixed, T regularised, T zero, int batch) {
        T metricBlock = ops.columns(theta, metricOffset, metricOffset + metricSize);
        T hNodes = metric.nodeValues(ops, metricBlock);
        T lambda = ops.column(theta, lambdaOffset);
        T boundaryBlock = boundaryOffset < 0 ? null : ops.columns(theta, boundaryOffset, boundaryOffset + boundarySize);
        Phase<T> start = boundary.initialPhase(ops, x0, x1, boundaryBlock, lambda);
        Phase<T> end = layers.integrate(ops, hNodes, lambda, start);
        T f = horizon.horizonValue(ops, end, lambda);
        T t = output.value(ops, f);
        if (fixed != null) {
            t = ops.add(ops.mul(t, ops.add(ops.neg(fixed), 1.0)), fixed);
        }
        T data = loss.loss(ops, t, labels, batch);
        // in the order the objective adds them, from the first term (0 + x = x exactly)
        T reg = null;
        for (RegulariserTensorForm r : regularisers) {
            T term = r.penalty(ops, metricBlock);
            if (term != null) {
                reg = reg == null ? term : ops.add(reg, term);
            }
        }
        if (reg == null) {
            reg = zero;
        }
        if (regularised != null) {
            reg = ops.mul(reg, regularised);
        }
        return new Parts<>(ops.add(data, reg), data, reg, f);
    }
}
