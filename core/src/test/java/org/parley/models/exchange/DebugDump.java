package org.parley.models.exchange;

import java.nio.file.Path;
import java.util.Map;

import org.parley.engine.ModelOptions;
import org.parley.engine.Move;
import org.parley.engine.RunContext;
import org.parley.engine.Trajectory;

public class DebugDump {
    public static void main(String[] args) throws Exception {
        ExchangeModel m = new ExchangeModel();
        Trajectory t = m.run(DecideFile.read(Path.of(args[0])), ModelOptions.resolve(m.id(), m.options(), m.presets(),
                Map.of("ties", "ordered", "sum-rule", args.length > 2 ? args[2] : "on")), RunContext.of(Integer.parseInt(args[1]), 1));
        for (var r : t.rounds()) {
            for (int i = 0; i < r.moves().size(); i += 2) {
                Move a = r.moves().get(i);
                Move b = r.moves().get(i + 1);
                System.out.printf(java.util.Locale.ROOT, "X %d %.12f %s %s %.9f %.9f %s %s %.9f %.9f%n", r.index(), a.measure("gain"), a.actor(), a.issue(), a.from(), a.to(), b.actor(), b.issue(), b.from(), b.to());
            }
        }
    }
}
