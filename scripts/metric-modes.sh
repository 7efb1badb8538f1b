#!/usr/bin/env bash
# The runs behind docs/results/metric-modes.md: the metric modes of the two published experiments and of the
# injection-recovery of issue 13 (an AdS5 black hole with a dip), each checked against the independent count
# (holo modes --check). About two minutes on 2 cores.
#
#   scripts/metric-modes.sh [OUT_DIR]      # default: ${TMPDIR:-/tmp}/holo-metric-modes (must not exist)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-${TMPDIR:-/tmp}/holo-metric-modes}"
holo="$here/holo"
mkdir -p "$out"
truth="$here/datasets/ads5-dip-metric.csv"

"$holo" train "$here/experiments/hstt2018-qcd.json" --out "$out/qcd" --quiet --no-plots
"$holo" train "$here/experiments/robust-ads-schwarzschild.json" --out "$out/ads" --quiet --no-plots
for labels in threshold bernoulli; do
  # the modes at the true metric: started on it, no training step
  "$holo" train "$here/experiments/injection-ads5-dip.json" --set data.labels=$labels --set model.metricInit.type=table \
    --set model.metricInit.file="$truth" --set training.epochs=0 --out "$out/truth-$labels" --quiet --no-plots || true
  "$holo" train "$here/experiments/injection-ads5-dip.json" --set data.labels=$labels --out "$out/injection-$labels" --quiet --no-plots || true
done
for run in qcd ads truth-threshold truth-bernoulli injection-threshold injection-bernoulli; do
  echo "== $run"
  "$holo" modes "$out/$run" --check --out "$out/$run-check"
  cmp -s "$out/$run/modes.json" "$out/$run-check/modes.json" && echo "modes.json of the run and of holo modes: identical"
done
echo "== qcd, h alone (L and lambda held)"
"$holo" modes "$out/qcd" --check --metric-only --out "$out/qcd-metric-only"
