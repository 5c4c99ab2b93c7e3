package org.kila.survey.model;

import java.util.Map;
import java.util.function.Function;

/**
 * The fields of {@link Messages} with their names in the JSON format, so that reading defaults, checking
 * translations and checking screen sizes walk every field in one loop instead of eleven copies.
 */
public enum MessageField {
  COMPLETED("completed", Messages::completed, true),
  SCREENED_OUT("screenedOut", Messages::screenedOut, true),
  DECLINED("declined", Messages::declined, true),
  GAVE_UP("gaveUp", Messages::gaveUp, true),
  INVALID_HINT("invalidHint", Messages::invalidHint, false),
  BACK("back", Messages::back, false),
  MORE("more", Messages::more, false),
  YES("yes", Messages::yes, false),
  NO("no", Messages::no, false),
  CHOOSE_LANGUAGE("chooseLanguage", Messages::chooseLanguage, false),
  WELCOME_BACK("welcomeBack", Messages::welcomeBack, false);

  private final String json;
  private final Function<Messages, LocalizedText> get;
  private final boolean closing;

  MessageField(String json, Function<Messages, LocalizedText> get, boolean closing) {
    this.json = json;
    this.get = get;
    this.closing = closing;
  }

  public String json() {
    return json;
  }

  public LocalizedText of(Messages messages) {
    return get.apply(messages);
  }

  /** True for the messages that end a session, which the engine sends as one screen, never paged. */
  public boolean closing() {
    return closing;
  }

  /** Builds {@link Messages} from one text per field; a field absent from the map is null. */
  public static Messages messages(Map<MessageField, LocalizedText> byField) {
    return new Messages(
        byField.get(COMPLETED),
        byField.get(SCREENED_OUT),
        byField.get(DECLINED),
        byField.get(GAVE_UP),
        byField.get(INVALID_HINT),
        byField.get(BACK),
        byField.get(MORE),
        byField.get(YES),
        byField.get(NO),
        byField.get(CHOOSE_LANGUAGE),
        byField.get(WELCOME_BACK));
  }
}
