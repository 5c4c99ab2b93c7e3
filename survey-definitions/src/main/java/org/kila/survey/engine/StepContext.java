package org.kila.survey.engine;

import java.time.Instant;
import org.kila.survey.render.ChannelProfile;

/** What the engine may know of the world in one step: the time, the channel's screen budget and quota counts. */
public record StepContext(Instant now, ChannelProfile channel, QuotaCounts quotas) {}
