/**
 * Test support: dynalite, a DynamoDB-compatible server from npm, for the tests of Portico's
 * DynamoDB-backed stores (connection registry, replay store) and of applications that use them.
 *
 * <p>Annotate a test class with {@code @ExtendWith(DynaliteExtension.class)} and take a {@link
 * dev.portico.testing.dynalite.Dynalite} parameter; point the real AWS SDK client at {@link
 * dev.portico.testing.dynalite.Dynalite#endpoint()}. One server serves the whole test run.
 */
package dev.portico.testing.dynalite;
