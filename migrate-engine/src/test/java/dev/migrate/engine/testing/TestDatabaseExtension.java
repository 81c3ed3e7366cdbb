package dev.migrate.engine.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a fresh {@link TestDatabase} into a test method or constructor parameter and drops it
 * when the test (or, for a constructor or {@code @BeforeAll} parameter, its scope) ends:
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class UpgradeTest {
 *     @Test void upgrades(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class TestDatabaseExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestDatabase db = TestDatabases.create();
        context.getStore(ExtensionContext.Namespace.create(TestDatabaseExtension.class))
                .put(db.name(), (ExtensionContext.Store.CloseableResource) db::close);
        return db;
    }
}
