package org.parley.store;

import java.time.LocalDate;

import org.parley.engine.ErrorCode;
import org.parley.engine.Numbers;
import org.parley.engine.ParleyException;
import org.parley.model.Issue;

/** What a resolution must satisfy before the registry records it, for the command line and the web alike. */
final class ResolutionCheck {

    private ResolutionCheck() {
    }

    /**
     * An outcome on the scale of the registered issue (in the world and scenario version the run
     * forecast) and a date on or after the registration's, or {@code BAD_OPTION}.
     */
    static void check(Store store, Registration reg, double outcome, LocalDate date) {
        LocalDate registered = LocalDate.ofInstant(reg.created(), java.time.ZoneOffset.UTC);
        if (date.isBefore(registered)) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "the resolution's date " + date + " is before the forecast "
                    + "was registered (" + registered + ")");
        }
        Issue issue = store.scenario(store.run(reg.runId()).info().scenario().id())
                .resolve(reg.world()).issue(reg.issue()).orElse(null);
        if (issue != null && !(outcome >= issue.scale().min() && outcome <= issue.scale().max())) {
            throw new ParleyException(ErrorCode.BAD_OPTION, "the outcome " + Numbers.format(outcome)
                    + " is off the scale of issue '" + reg.issue() + "' (" + Numbers.format(issue.scale().min())
                    + " to " + Numbers.format(issue.scale().max()) + ")");
        }
    }
}
