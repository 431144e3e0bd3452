package io.mdbops.integrations.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * The chart's Argo CD health check, run the way Argo CD runs it: the resource as the global
 * {@code obj}, the script's return value the health. Only Lua's base functions are loaded, so a
 * script that leans on a library Argo CD might not offer fails here first.
 */
final class ArgoCdHealthCheck {

  static final Path SCRIPT = Chart.DIR.resolve("health").resolve("argocd-health.lua");
  /** The health statuses Argo CD accepts from a custom check. */
  static final List<String> STATUSES = List.of("Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown");

  record Health(String status, String message) {}

  private ArgoCdHealthCheck() {}

  static String script() {
    try {
      return Files.readString(SCRIPT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Health of(Map<String, Object> resource) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", lua(resource));
    LuaValue hs = globals.load(script(), SCRIPT.getFileName().toString()).call();
    if (!hs.istable()) {
      throw new AssertionError("the health check returned " + hs.typename() + ", not a table");
    }
    String status = hs.get("status").optjstring(null);
    if (!STATUSES.contains(status)) {
      throw new AssertionError("the health check returned status " + status + ", which Argo CD rejects");
    }
    return new Health(status, hs.get("message").optjstring(null));
  }

  /** JSON as Argo CD hands it over: objects and arrays as tables (arrays from 1), every number a float. */
  private static LuaValue lua(Object value) {
    if (value instanceof Map<?, ?> map) {
      LuaTable table = new LuaTable();
      map.forEach((k, v) -> table.set(k.toString(), lua(v)));
      return table;
    }
    if (value instanceof List<?> list) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < list.size(); i++) {
        table.set(i + 1, lua(list.get(i)));
      }
      return table;
    }
    if (value instanceof Number n) {
      return LuaValue.valueOf(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return LuaValue.valueOf(b);
    }
    return value == null ? LuaValue.NIL : LuaValue.valueOf(value.toString());
  }
}
