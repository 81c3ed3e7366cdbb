package shop.model;

/** Not an entity: the package may hold other classes. */
public final class PurchaseTotals {
    private PurchaseTotals() {
    }
}
