package org.example.holo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.holo.core.component.Registry;
import org.holo.train.observable.Observable;
import org.holo.train.observable.ObservableResult;
import org.holo.train.run.FinishedRun;

/**
 * Computes any registered observable of a finished run and writes its files into the run directory, as
 * {@code holo predict} and {@code holo potential} do for theirs: the CLI has no generic command for plugin observables yet.
 * <pre>
 *   java -cp "HOLO/holo-cli/target/holo-cli.jar:plugins/holo-plugin-example-0.1.0.jar" org.example.holo.ComputeObservable \
 *        volume-factor RUN_DIR [name=value ...]
 * </pre>
 */
public final class ComputeObservable {

    private ComputeObservable() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ComputeObservable OBSERVABLE RUN_DIR [name=value ...]");
            System.exit(2);
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq < 1) {
                System.err.println("option '" + args[i] + "' is not name=value");
                System.exit(2);
            }
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        Path run = Path.of(args[1]);
        Observable observable = Registry.of(Observable.KIND).get(args[0]);
        ObservableResult result = observable.compute(FinishedRun.read(run), options);
        for (Path p : result.write(run)) {
            System.out.println("wrote " + p);
        }
        System.out.println(result.summary());
    }
}
