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
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;

/** Who did what to an account or an analysis. */
@Entity
@Table(name = "audit_logs",
        indexes = @Index(name = "ix_audit_logs_account_id_at", columnList = "account_id, at"),
        check = @CheckConstraint(name = "ck_audit_logs_action",
                constraint = "action IN ('upload', 'analyse', 'export', 'delete')"))
public class AuditLog {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne
    @JoinColumn(name = "account_id", foreignKey = @ForeignKey(name = "fk_audit_logs_account"))
    private Account account;

    @ManyToOne
    @JoinColumn(name = "analysis_id", foreignKey = @ForeignKey(name = "fk_audit_logs_analysis"))
    private Analysis analysis;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false, length = 16)
    private String action;

    @Column(nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime at;
}
