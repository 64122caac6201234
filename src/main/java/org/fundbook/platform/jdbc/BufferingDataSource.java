package org.fundbook.platform.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** Hands out {@link BufferingConnection}s: the data source every part of the service uses. */
public final class BufferingDataSource extends DelegatingDataSource {

    public BufferingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return BufferingConnection.wrap(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return BufferingConnection.wrap(obtainTargetDataSource().getConnection(username, password));
    }
}
