package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.parley.model.Sentences;
import org.parley.nlp.ArticleInput;
import org.parley.nlp.Draft;
import org.parley.nlp.DraftFormat;
import org.parley.nlp.DraftWriter;
import org.parley.nlp.Drafter;

/**
 * {@code parley draft} timing: start-up (JVM start to the first draft of the seed article written,
 * models and gazetteer loaded, language checked) and the warm time of a 30-sentence article (the
 * first 30 sentences of a gold text: language check, draft, YAML), median and 95th percentile.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.parley.bench.DraftTiming examples/01-dprk-us-talks-2024/article.txt \
 *     nlp/src/test/resources/gold/texts/warhol.txt</pre>
 */
public final class DraftTiming {

    private DraftTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path seed = Path.of(args.length > 0 ? args[0] : "examples/01-dprk-us-talks-2024/article.txt");
        Path longer = Path.of(args.length > 1 ? args[1] : "nlp/src/test/resources/gold/texts/warhol.txt");
        String text = ArticleInput.read(seed);
        Drafter drafter = Drafter.defaults();
        Draft d = drafter.draft(seed.getFileName().toString(), text);
        String yaml = DraftFormat.YAML.write(DraftWriter.tree(d, seed.toString()));
        long startup = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        System.out.printf(Locale.ROOT, "start-up: JVM start to the first draft written: %d ms wall, %d ms process CPU "
                + "(all threads, JIT included) (%d claims, %d chars of YAML)%n", startup, cpu, d.claims().size(), yaml.length());

        List<String> sentences = Sentences.split(Files.readString(longer, StandardCharsets.UTF_8));
        String article = String.join("\n\n", sentences.subList(0, Math.min(30, sentences.size())));
        int n = Sentences.split(article).size();
        for (int i = 0; i < 30; i++) {
            run(drafter, article);
        }
        int runs = 200;
        long[] ns = new long[runs];
        long[] cpuNs = new long[runs];
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            run(drafter, article);
            ns[i] = System.nanoTime() - t0;
            cpuNs[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(ns);
        Arrays.sort(cpuNs);
        System.out.printf(Locale.ROOT, "warm: %d-sentence article (%s): median %.1f ms wall (%.1f ms CPU), p95 %.1f ms wall "
                + "over %d runs%n", n, longer.getFileName(), ns[runs / 2] / 1e6, cpuNs[runs / 2] / 1e6,
                ns[(int) (runs * 0.95)] / 1e6, runs);
    }

    private static int run(Drafter drafter, String article) {
        ArticleInput.check("bench", article);
        Draft d = drafter.draft("bench.txt", article);
        return DraftFormat.YAML.write(DraftWriter.tree(d, "bench.txt")).length();
    }
}
