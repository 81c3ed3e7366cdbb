package com.example.bank.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;

/** What the analysis of one statement found. */
@Entity
@Table(name = "analyses",
        indexes = @Index(name = "ix_analyses_statement_id", columnList = "statement_id"),
        check = {
                @CheckConstraint(name = "ck_analyses_totals", constraint = "total_in_cents >= 0 AND total_out_cents >= 0"),
                @CheckConstraint(name = "ck_analyses_risk_score", constraint = "risk_score BETWEEN 0 AND 100"),
                @CheckConstraint(name = "ck_analyses_status",
                        constraint = "status IN ('queued', 'running', 'done', 'failed')")})
public class Analysis {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "statement_id", foreignKey = @ForeignKey(name = "fk_analyses_statement"))
    private Statement statement;

    @Column(name = "total_in_cents", nullable = false)
    @ColumnDefault("0")
    private long totalInCents;

    @Column(name = "total_out_cents", nullable = false)
    @ColumnDefault("0")
    private long totalOutCents;

    @Column(name = "risk_score", precision = 5, scale = 2)
    private BigDecimal riskScore;

    @Column(nullable = false, length = 16)
    @ColumnDefault("'queued'")
    private String status;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;
}
