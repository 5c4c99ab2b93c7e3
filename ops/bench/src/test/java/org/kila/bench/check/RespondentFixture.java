package org.kila.bench.check;

/** Screens of the youth-voice-ke survey as the gateway sends them. */
final class RespondentFixture {
  static final String LANGUAGE = "CON Choose your language\n1. English\n2. Kiswahili";
  static final String CONSENT = "CON Youth Voice asks young people aged 18-35 about taking part in county decisions. "
      + "About 12 questions, free. Answers stay private. Continue?\n1. Yes\n2. No";
  static final String GENDER = "CON What is your gender?\n1. Female\n2. Male\n3. Other\n4. Prefer not to say";
  static final String AGE = "CON How old are you? Enter your age in years (18-35).\n0 Back";

  private RespondentFixture() {}
}
