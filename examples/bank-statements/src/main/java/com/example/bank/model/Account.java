package com.example.bank.model;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.hibernate.annotations.ColumnDefault;

/** A bank account whose statements are uploaded. */
@Entity
@Table(name = "accounts", check = {
        @CheckConstraint(name = "ck_accounts_iban", constraint = "iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'"),
        @CheckConstraint(name = "ck_accounts_currency", constraint = "currency ~ '^[A-Z]{3}$'")})
public class Account {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 34)
    private String iban;

    @Column(nullable = false)
    private String holder;

    @Column(nullable = false, length = 3)
    @ColumnDefault("'EUR'")
    private String currency;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    private OffsetDateTime createdAt;
}
