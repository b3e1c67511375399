package org.parley.store;

import org.parley.engine.ErrorCode;
import org.parley.engine.ParleyException;

/** The store's file is damaged or is not a Parley store. It is reported and never overwritten. */
public final class StoreCorruptException extends ParleyException {

    private static final long serialVersionUID = 1L;

    public StoreCorruptException(String message, Throwable cause) {
        super(ErrorCode.BAD_INPUT, message, cause);
    }
}
