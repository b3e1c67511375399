package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.ImportSettings;
import org.parley.io.Scenarios;
import org.parley.io.TextFile;
import org.parley.nlp.ArticleInput;
import org.parley.nlp.Draft;
import org.parley.nlp.DraftFormat;
import org.parley.nlp.DraftMerge;
import org.parley.nlp.DraftWriter;
import org.parley.nlp.Drafter;
import org.parley.nlp.Gazetteer;
import org.parley.nlp.OpenNlpTokenizer;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parley draft}: a scenario draft from a news article, every item linked to its evidence. */
@Command(name = "draft", mixinStandardHelpOptions = true,
        description = {"Drafts a scenario from a news article: actors (countries, leaders, metonyms, demonyms), "
                + "sources (media, people who report), issues and claims (demands, aims, offers, trades, conditions), "
                + "each linked to its sentence, character span, rule and confidence in the 'draft:' block.",
                "Values the article does not give are 'open': the draft validates (with a warning per open value) "
                        + "and forecasts only once the analyst fills them in or runs with --accept-defaults."},
        footer = {"", "Examples:", "  parley draft article.txt > draft.yaml",
                "  parley draft article.txt --into my-scenario.yaml   (keeps the analyst's edits)",
                "  parley draft article.txt --gazetteer extra.tsv --format json"})
public final class DraftCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ARTICLE", description = "the article as plain text (UTF-8), English")
    Path article;

    @Option(names = "--into", paramLabel = "SCENARIO.yaml",
            description = "merge the draft into this scenario file (created when missing): the analyst's values, "
                    + "deletions and claim statuses are kept, open values are filled, new items are added")
    Path into;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", description = "yaml (default) or json")
    String format;

    @Option(names = "--gazetteer", paramLabel = "FILE",
            description = "extra names, tab-separated: kind, surface, key[, from, to, aliases, note]; kinds alias, "
                    + "government, leader, media, org (repeatable)")
    List<Path> gazetteers = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DraftFormat f = DraftFormat.fromId(format);
        String text = ArticleInput.read(article);
        Drafter drafter = new Drafter(Gazetteer.with(gazetteers), new OpenNlpTokenizer());
        Draft draft = drafter.draft(article.getFileName().toString(), text);
        String cite = article.toString();
        if (into != null) {
            Path dir = into.toAbsolutePath().getParent();
            cite = dir.relativize(article.toAbsolutePath()).toString();
        }
        Map<String, Object> tree = DraftWriter.tree(draft, cite);
        PrintWriter err = spec.commandLine().getErr();
        if (into != null && Files.exists(into)) {
            Scenarios.read(into, ImportSettings.detect()); // refuses a broken scenario before touching it
            Object old = new Load(LoadSettings.builder().build()).loadFromString(TextFile.read(into).text());
            if (!(old instanceof Map<?, ?>)) {
                throw new ParleyException(ErrorCode.BAD_INPUT, into + ": not a Parley scenario (no mapping at the top)");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> oldTree = (Map<String, Object>) old;
            tree = DraftMerge.merge(oldTree, tree);
        }
        String out = f.write(tree);
        if (into == null) {
            PrintWriter w = spec.commandLine().getOut();
            w.print(out);
            w.flush();
        } else {
            Path abs = into.toAbsolutePath();
            Path tmp = Files.createTempFile(abs.getParent(), ".parley-", ".tmp");
            try {
                Files.writeString(tmp, out, StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        summary(draft, err);
        long open = countOpen(tree.entrySet().stream().filter(e -> !e.getKey().equals("draft")).map(Map.Entry::getValue).toList());
        err.println("open values: " + open + " (parley validate lists them; fill them in or forecast with --accept-defaults)");
        err.flush();
        return 0;
    }

    private static void summary(Draft d, PrintWriter err) {
        err.println("draft of " + d.article().name() + ": " + d.article().sentences().size() + " sentences, "
                + d.parties().size() + " actors, " + d.sources().size() + " sources, " + d.issues().size() + " issues, "
                + d.claims().size() + " claims, " + d.unresolved().size() + " unresolved names");
    }

    /** Values written as {@code value: open} in a tree. */
    static long countOpen(Object o) {
        if (o instanceof Map<?, ?> m) {
            long n = "open".equals(m.get("value")) ? 1 : 0;
            for (Object v : m.values()) {
                n += countOpen(v);
            }
            return n;
        }
        if (o instanceof List<?> l) {
            long n = 0;
            for (Object v : l) {
                n += countOpen(v);
            }
            return n;
        }
        return 0;
    }
}
