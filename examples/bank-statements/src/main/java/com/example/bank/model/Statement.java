package com.example.bank.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;

/** One uploaded statement of an account, for one period. */
@Entity
@Table(name = "statements",
        uniqueConstraints = @UniqueConstraint(name = "uq_statements_account_period",
                columnNames = {"account_id", "period_start", "period_end"}),
        check = @CheckConstraint(name = "ck_statements_period", constraint = "period_end >= period_start"))
public class Statement {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id", foreignKey = @ForeignKey(name = "fk_statements_account"))
    private Account account;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "uploaded_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime uploadedAt;
}
