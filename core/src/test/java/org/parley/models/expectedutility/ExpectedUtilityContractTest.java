package org.parley.models.expectedutility;

import org.parley.engine.BargainingModel;
import org.parley.engine.BargainingModelContract;
import org.parley.models.Models;

/** The contract every model keeps, for the expected-utility model with its default options. */
class ExpectedUtilityContractTest implements BargainingModelContract {

    @Override
    public BargainingModel model() {
        return Models.expectedUtility();
    }
}
