package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Router;
import java.io.IOException;

/**
 * {@code GET /user}: the account behind the credential. Access control has already refused anonymous
 * callers (401), access tokens and client-credentials tokens (403), so a principal here always acts
 * as an account.
 *
 * <p>Minimal on purpose: the user-endpoints work may replace it with a fuller version (keep one
 * registration of {@code GET /user}).
 */
public final class CurrentUserApi {
  private final EmulatorContext ctx;

  public CurrentUserApi(EmulatorContext ctx) {
    this.ctx = ctx;
  }

  public void register(Router r) {
    r.get("/user", this::get);
  }

  void get(Exchange ex) throws IOException {
    ex.json(200, new Representations(ctx.world(), ex.links()).account(ex.principal().account()));
  }
}
