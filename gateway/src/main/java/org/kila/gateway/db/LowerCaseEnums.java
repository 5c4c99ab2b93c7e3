package org.kila.gateway.db;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;
import org.jdbi.v3.core.spi.JdbiPlugin;

/**
 * Kila's one rule for enums in SQL: stored as the lower-case constant name ({@code SCREENED_OUT} is
 * {@code 'screened_out'}), which is what the CHECK constraints of the migrations list. Applies to every
 * enum, ours and the core's, so row records can use them directly.
 */
public final class LowerCaseEnums implements JdbiPlugin {

  @Override
  public void customizeJdbi(Jdbi jdbi) {
    jdbi.registerArgument(new Arguments());
    jdbi.registerColumnMapper(new Columns());
  }

  private static Optional<Class<?>> enumType(Type type) {
    Class<?> erased = GenericTypes.getErasedType(type);
    return erased.isEnum() ? Optional.of(erased) : Optional.empty();
  }

  private static final class Arguments implements ArgumentFactory.Preparable {
    @Override
    public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
      return enumType(type).map(t -> value -> (position, statement, ctx) -> {
        if (value == null) {
          statement.setNull(position, Types.VARCHAR);
        } else {
          statement.setString(position, ((Enum<?>) value).name().toLowerCase(Locale.ROOT));
        }
      });
    }
  }

  private static final class Columns implements ColumnMapperFactory {
    @Override
    public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
      return enumType(type).map(Columns::mapperFor);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ColumnMapper<?> mapperFor(Class<?> type) {
      Class<? extends Enum> enumClass = (Class<? extends Enum>) type;
      return (rs, column, ctx) -> {
        String text = rs.getString(column);
        return text == null ? null : Enum.valueOf(enumClass, text.toUpperCase(Locale.ROOT));
      };
    }
  }
}
