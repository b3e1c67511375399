package org.parley.models;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.parley.engine.BargainingModel;
import org.parley.engine.ModelOptions;
import org.parley.engine.Simulation;
import org.parley.models.compromise.CompromiseModel;
import org.parley.models.exchange.ExchangeModel;
import org.parley.models.expectedutility.ExpectedUtilityModel;
import org.parley.models.median.MedianModel;
import org.parley.models.nash.NashModel;
import org.parley.models.spatial.SpatialModel;

/**
 * The registry of every model, by stable id, in the order tables show them.
 */
public final class Models {

    private Models() {
    }

    public static BargainingModel compromise() {
        return registered(new CompromiseModel());
    }

    public static BargainingModel median() {
        return registered(new MedianModel());
    }

    public static BargainingModel nash() {
        return registered(new NashModel());
    }

    public static BargainingModel expectedUtility() {
        return registered(new ExpectedUtilityModel());
    }

    public static BargainingModel spatial() {
        return registered(new SpatialModel());
    }

    public static BargainingModel exchange() {
        return registered(new ExchangeModel());
    }

    /**
     * A model as the registry hands it out, its presets checked against its option specs: a preset
     * naming an unknown option or a value its spec does not take fails here, not in a user's run.
     */
    static BargainingModel registered(BargainingModel m) {
        if (!CHECKED.contains(m.getClass())) {
            ModelOptions.checkPresets(m.id(), m.options(), m.presets());
            CHECKED.add(m.getClass());
        }
        return m;
    }

    /** The model classes whose presets were checked (once per class: presets are constants). */
    private static final Set<Class<?>> CHECKED = ConcurrentHashMap.newKeySet();

    /** Every registered model. */
    public static List<BargainingModel> all() {
        return List.of(compromise(), median(), nash(), expectedUtility(), spatial(), exchange());
    }

    /** A simulation over every registered model. */
    public static Simulation simulation() {
        return new Simulation(all());
    }
}
