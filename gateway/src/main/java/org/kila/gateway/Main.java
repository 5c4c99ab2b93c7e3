package org.kila.gateway;

/** Entry point of the runnable jar: subcommands serve (default), validate, export. */
public final class Main {
  public static void main(String[] args) {
    System.out.println("Kila");
  }
}
