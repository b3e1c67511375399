package org.parley.models;

import org.junit.jupiter.api.Nested;
import org.parley.engine.BargainingModel;
import org.parley.engine.BargainingModelContract;

class BaselineContractTest {

    @Nested
    class Compromise implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.compromise();
        }
    }

    @Nested
    class Median implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.median();
        }
    }

    @Nested
    class Nash implements BargainingModelContract {
        @Override
        public BargainingModel model() {
            return Models.nash();
        }
    }
}
