package dev.migrate.engine.schema.jpa;

import dev.migrate.engine.MigrateException;

/** The configured entity packages cannot be turned into DDL: no entity in one, a class that cannot load, a model Hibernate refuses. */
public final class InvalidEntitiesException extends MigrateException {
    InvalidEntitiesException(String message, Throwable cause) {
        super(message, cause);
    }
}
