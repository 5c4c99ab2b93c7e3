package org.kila.gateway.config;

/**
 * One option's text before validation, with where it came from, so a message can point at the line to fix:
 * {@code KILA_HTTP_PORT}, {@code http.port (KILA_HTTP_PORT) in /etc/kila.yaml} or a default.
 */
record RawValue(String text, String origin) {}
