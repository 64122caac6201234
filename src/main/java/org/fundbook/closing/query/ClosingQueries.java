package org.fundbook.closing.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.UUID;
import org.fundbook.group.LedgerRefusal;
import org.fundbook.group.PremiumShare;
import org.fundbook.group.RefusalCode;
import org.fundbook.group.query.Balances;
import org.fundbook.group.query.LedgerQueries;
import org.fundbook.group.query.ProjectionJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the closing in progress and of the closed periods' statements. */
@Component
public class ClosingQueries {

    private static final TypeReference<List<PremiumShare>> PREMIUMS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final LedgerQueries ledger;
    private final ProjectionJson json;

    public ClosingQueries(JdbcTemplate jdbc, LedgerQueries ledger, ProjectionJson json) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.json = json;
    }

    public ClosingPreviewView closingInProgress(UUID groupId) {
        Balances balances = ledger.balances(groupId);
        return jdbc.query("SELECT * FROM closing_preview WHERE group_id = ?", (rs, i) -> new ClosingPreviewView(
                        rs.getInt("period_number"), rs.getDate("period_start").toLocalDate(),
                        rs.getDate("closing_date").toLocalDate(), rs.getLong("distributable"),
                        json.read(rs.getString("premiums"), PREMIUMS), balances), groupId)
                .stream().findFirst()
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.CLOSING_NOT_FOUND, "no closing is in progress"));
    }

    public ClosingStatementView statement(UUID groupId, int periodNumber) {
        ledger.requireGroup(groupId);
        return jdbc.queryForList("SELECT statement FROM closing_statement WHERE group_id = ? AND period_number = ?",
                        String.class, groupId, periodNumber).stream().findFirst()
                .map(text -> json.read(text, ClosingStatementView.class))
                .orElseThrow(() -> new LedgerRefusal(RefusalCode.CLOSING_NOT_FOUND,
                        "period " + periodNumber + " has no closing statement"));
    }

    public List<ClosingStatementView> statements(UUID groupId) {
        ledger.requireGroup(groupId);
        return jdbc.queryForList("SELECT statement FROM closing_statement WHERE group_id = ? ORDER BY period_number",
                String.class, groupId).stream().map(text -> json.read(text, ClosingStatementView.class)).toList();
    }
}
