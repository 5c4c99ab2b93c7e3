package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

class RespondentDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void theSamePhoneHashIsTheSameRespondentAndKeepsTheNewestEncryptedNumber() {
    RespondentDao respondents = db.dao(RespondentDao.class);
    UUID first = respondents.upsert(Fixtures.phoneHash(1), new byte[] {1, 1});
    UUID again = respondents.upsert(Fixtures.phoneHash(1), new byte[] {2, 2});
    assertEquals(first, again);
    assertArrayEquals(new byte[] {2, 2}, respondents.findPhoneEnc(first).orElseThrow());
    assertEquals(Optional.of(first), respondents.findId(Fixtures.phoneHash(1)));
  }

  @Test
  void anotherPhoneHashIsAnotherRespondent() {
    RespondentDao respondents = db.dao(RespondentDao.class);
    assertNotEquals(respondents.upsert(Fixtures.phoneHash(2), new byte[] {2}),
        respondents.upsert(Fixtures.phoneHash(3), new byte[] {3}));
  }

  @Test
  void unknownRespondentsAreEmpty() {
    RespondentDao respondents = db.dao(RespondentDao.class);
    assertEquals(Optional.empty(), respondents.findId(Fixtures.phoneHash(99)));
    assertEquals(Optional.empty(), respondents.findPhoneEnc(UUID.randomUUID()));
  }
}
