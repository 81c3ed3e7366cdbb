-- ${message}
--
-- Revision ID: ${revision}
-- Revises: ${down_revision}
-- Create Date: ${create_date}
${branch_labels}${depends_on}
-- migrate:upgrade
${upgrades}

-- migrate:downgrade
${downgrades}
