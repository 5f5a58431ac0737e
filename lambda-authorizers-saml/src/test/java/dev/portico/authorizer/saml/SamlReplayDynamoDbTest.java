package dev.portico.authorizer.saml;

import static dev.portico.authorizer.saml.testing.Messages.assertion;
import static dev.portico.authorizer.saml.testing.Messages.bytes;
import static dev.portico.authorizer.saml.testing.Messages.sign;
import static dev.portico.authorizer.saml.testing.Messages.signedXml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portico.authorizer.dynamodb.DynamoDbReplayStore;
import dev.portico.authorizer.dynamodb.testing.ReplayTables;
import dev.portico.authorizer.saml.testing.TestKeys;
import dev.portico.testing.dynalite.Dynalite;
import dev.portico.testing.dynalite.DynaliteExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensaml.saml.saml2.core.Assertion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The replay attack across containers: two validators sharing a DynamoDB table (dynalite). */
@ExtendWith(DynaliteExtension.class)
class SamlReplayDynamoDbTest {

  @Test
  void replayedAssertionIsRejectedThroughDynalite(Dynalite dynalite) throws Exception {
    DynamoDbClient client = ReplayTables.createWithAdmin(dynalite.endpoint(), "saml-replay");
    DynamoDbReplayStore store =
        DynamoDbReplayStore.builder(client, "saml-replay").clock(SamlValidatorTest.CLOCK).build();
    // Two containers of the function: separate validators, one shared table.
    SamlValidator first = SamlValidatorTest.builder().replayStore(store).build();
    SamlValidator second = SamlValidatorTest.builder().replayStore(store).build();
    Assertion a = assertion("_shared");
    sign(a, TestKeys.IDP);
    byte[] xml = bytes(signedXml(a));

    assertThat(first.validate(xml).id()).isEqualTo("_shared");
    assertThatThrownBy(() -> second.validate(xml))
        .isInstanceOfSatisfying(
            SamlRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(SamlRejection.REPLAYED))
        .hasMessage("the assertion \"_shared\" was used before");
  }
}
