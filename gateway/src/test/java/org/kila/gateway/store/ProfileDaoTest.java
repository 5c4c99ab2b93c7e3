package org.kila.gateway.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kila.gateway.testing.TestDatabase;

class ProfileDaoTest {
  @RegisterExtension static final TestDatabase db = new TestDatabase();

  @Test
  void storedStratifiersAreLoadedAndANewValueReplacesOnlyItsKey() {
    Fixtures.launchedSurvey(db.jdbi(), "youth", 1, "*384*1#");
    UUID respondent = Fixtures.respondent(db.jdbi(), 1);
    SurveySessionRow first = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    SurveySessionRow second = Fixtures.insertSession(db.jdbi(), respondent, "youth", SessionStatus.ACTIVE, Fixtures.T0);
    ProfileDao profiles = db.dao(ProfileDao.class);

    profiles.upsert(respondent, first.id(), Fixtures.T0, Map.of("gender", "female", "age_band", "15-19"));
    profiles.upsert(respondent, second.id(), Fixtures.T0.plusSeconds(60), Map.of("age_band", "20-24"));

    assertEquals(Map.of("gender", "female", "age_band", "20-24"), profiles.load(respondent));
    UUID capturedBy = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT session_id FROM respondent_profile WHERE respondent_id = :r AND profile_key = 'age_band'")
        .bind("r", respondent).mapTo(UUID.class).one());
    assertEquals(second.id(), capturedBy);
  }

  @Test
  void aRespondentWithoutProfileHasAnEmptyOneAndAnEmptyUpsertWritesNothing() {
    UUID respondent = Fixtures.respondent(db.jdbi(), 2);
    ProfileDao profiles = db.dao(ProfileDao.class);
    profiles.upsert(respondent, null, Fixtures.T0, Map.of());
    assertEquals(Map.of(), profiles.load(respondent));
  }
}
