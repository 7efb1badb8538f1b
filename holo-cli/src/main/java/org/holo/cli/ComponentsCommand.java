package org.holo.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.holo.core.component.ComponentProvider;
import org.holo.core.component.Kind;
import org.holo.core.component.Kinds;
import org.holo.core.component.Registry;
import picocli.CommandLine.Command;

@Command(name = "components", mixinStandardHelpOptions = true,
        description = {"List every kind of component and each registered one: name, the jar it comes from and what it is.",
            "Plugin jars (holo --plugins DIR, or the environment variable HOLO_PLUGINS) add to the lists."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed", "2:a plugin directory does not exist", "4:I/O failure"})
final class ComponentsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        List<Kind<?>> kinds = Kinds.all();
        if (kinds.isEmpty()) {
            System.out.println("no kinds of component registered");
        }
        for (Kind<?> kind : kinds) {
            System.out.println(kind.name() + (kind.configField() == null ? "" : " (chosen by " + kind.configField() + ")") + ":");
            List<? extends ComponentProvider> all = Registry.of(kind).all();
            if (all.isEmpty()) {
                System.out.println("  (none)");
            }
            int nameWidth = 0;
            int originWidth = 0;
            List<String[]> rows = new ArrayList<>();
            for (ComponentProvider p : all) {
                String[] row = {p.name(), Registry.origin(p), p.description()};
                nameWidth = Math.max(nameWidth, row[0].length());
                originWidth = Math.max(originWidth, row[1].length());
                rows.add(row);
            }
            for (String[] row : rows) {
                System.out.println("  " + pad(row[0], nameWidth) + "  " + pad(row[1], originWidth) + "  " + row[2]);
            }
        }
        return ExitCodes.OK;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }
}
