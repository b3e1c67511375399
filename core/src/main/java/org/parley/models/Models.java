package org.parley.models;

import java.util.List;

import org.parley.engine.BargainingModel;
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
        return new CompromiseModel();
    }

    public static BargainingModel median() {
        return new MedianModel();
    }

    public static BargainingModel nash() {
        return new NashModel();
    }

    public static BargainingModel expectedUtility() {
        return new ExpectedUtilityModel();
    }

    public static BargainingModel spatial() {
        return new SpatialModel();
    }

    public static BargainingModel exchange() {
        return new ExchangeModel();
    }

    /** Every registered model. */
    public static List<BargainingModel> all() {
        return List.of(compromise(), median(), nash(), expectedUtility(), spatial(), exchange());
    }

    /** A simulation over every registered model. */
    public static Simulation simulation() {
        return new Simulation(all());
    }
}
