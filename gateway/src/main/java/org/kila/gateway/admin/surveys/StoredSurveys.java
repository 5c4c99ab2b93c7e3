package org.kila.gateway.admin.surveys;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.kila.gateway.admin.ApiException;
import org.kila.gateway.store.SurveyDao;
import org.kila.gateway.store.SurveyVersionRow;
import org.kila.survey.Surveys;
import org.kila.survey.engine.CompiledSurvey;
import org.kila.survey.render.ChannelProfile;

/** A stored survey version as the admin routes need it, or a 404 that names what was not found. */
public final class StoredSurveys {
  /**
   * Stored versions were validated against the screen budget of their day; read back, they are checked
   * against the widest USSD screen, so that a later, smaller budget cannot hide a survey's results.
   */
  private static final ChannelProfile READ_BACK = ChannelProfile.ussd(ChannelProfile.USSD_HARD_LIMIT);

  private StoredSurveys() {}

  public static SurveyVersionRow version(Handle h, String surveyId, int version) {
    return h.attach(SurveyDao.class).findVersion(surveyId, version)
        .orElseThrow(() -> ApiException.notFound(exists(h, surveyId)
            ? "Survey '" + surveyId + "' has no version " + version + "."
            : noSurvey(surveyId)));
  }

  /** The newest version. */
  public static SurveyVersionRow latest(Handle h, String surveyId) {
    List<SurveyVersionRow> versions = h.attach(SurveyDao.class).versions(surveyId);
    if (versions.isEmpty()) {
      throw ApiException.notFound(noSurvey(surveyId));
    }
    return versions.get(versions.size() - 1);
  }

  /** {@code version} when given (not 0), else the newest. */
  public static SurveyVersionRow versionOrLatest(Handle h, String surveyId, int version) {
    return version == 0 ? latest(h, surveyId) : version(h, surveyId, version);
  }

  public static CompiledSurvey compiled(SurveyVersionRow row) {
    Surveys.Loaded loaded = Surveys.load(row.definition(), READ_BACK);
    if (!loaded.ok()) {
      throw new IllegalStateException("stored survey " + row.surveyId() + " v" + row.version()
          + " no longer validates: " + loaded.problems());
    }
    return loaded.survey();
  }

  /** A version number from a path or query; 0 when {@code text} is null or empty and {@code optional}. */
  public static int versionNumber(String text, boolean optional) {
    if ((text == null || text.isBlank()) && optional) {
      return 0;
    }
    try {
      int version = Integer.parseInt(text == null ? "" : text.strip());
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("A version is a whole number from 1, not '" + text + "'.");
  }

  static String noSurvey(String surveyId) {
    return "There is no survey '" + surveyId + "'.";
  }

  private static boolean exists(Handle h, String surveyId) {
    return !h.attach(SurveyDao.class).versions(surveyId).isEmpty();
  }
}
