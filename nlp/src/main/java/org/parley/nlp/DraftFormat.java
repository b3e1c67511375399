package org.parley.nlp;

import java.util.Locale;
import java.util.Map;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;
import org.parley.io.Json;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** The two ways a draft is written: Parley YAML (for people) and the same tree as JSON. */
public enum DraftFormat {
    YAML, JSON;

    public static DraftFormat fromId(String id) {
        try {
            return valueOf(id.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "--format takes yaml or json, was '" + id + "'");
        }
    }

    public String write(Map<String, Object> tree) {
        if (this == JSON) {
            return Json.write(tree);
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(110).setSplitLines(true).build();
        return new Dump(settings).dumpToString(tree);
    }
}
