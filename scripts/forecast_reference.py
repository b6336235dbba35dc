#!/usr/bin/env python3
"""Independent reference for shared/formats/forecast.md: the "spreadsheet" the domain tests
check line by line. Exact fractions everywhere; rounding half away from zero, only where the
format says. Usage: forecast_reference.py INPUT.json > EXPECTED.json"""
import json
import sys
from fractions import Fraction as F
import math


def rnd(x):
    x = F(x)
    sign = -1 if x < 0 else 1
    a = abs(x)
    fl = math.floor(a)
    return sign * (fl + 1 if a - fl >= F(1, 2) else fl)


def vol(v):
    return F(str(v)) if isinstance(v, float) else F(v)


def compute(f):
    M = 36
    z = lambda: [0] * M
    ca, subv, autres, achats, ext, sal, soc, dot, fin, exc = (z() for _ in range(10))
    receipts, invest, received, principal, tax_paid = (z() for _ in range(5))
    for r in f.get("revenues", []):
        vols = r["monthly_volume"]
        vols = vols if isinstance(vols, list) else [vols]
        if len(vols) == 1:
            vols = vols * 12
        g = F(r.get("growth_bp", 0), 10000)
        vc = F(r.get("variable_cost_bp", 0), 10000)
        start = r.get("start_month", 1)
        delay = r.get("payment_delay_months", 0)
        target = {"sales": ca, "service": ca, "subsidy": subv, "donation": autres, "membership": autres}[r["kind"]]
        for i in range(M):
            if i + 1 < start:
                continue
            y = i // 12 + 1
            amount = rnd(r["unit_price_cents"] * vol(vols[i % 12]) * (1 + g) ** (y - 1))
            target[i] += amount
            achats[i] += rnd(amount * vc)
            if i + delay < M:
                receipts[i + delay] += amount
    for e in f.get("expenses", []):
        for i in range(e.get("start_month", 1) - 1, M):
            ext[i] += rnd(e["monthly_cents"] * (1 + F(e.get("indexation_bp", 0), 10000)) ** (i // 12))
    for s in f.get("salaries", []):
        for i in range(s.get("start_month", 1) - 1, M):
            gross = rnd(s["gross_monthly_cents"] * (1 + F(s.get("raise_bp", 0), 10000)) ** (i // 12))
            sal[i] += gross
            soc[i] += rnd(gross * F(s["employer_rate_bp"], 10000))

    def spread(out, amount, months, start):
        each = rnd(F(amount, months))
        for k in range(months):
            m = start + k
            if m > M:
                break
            out[m - 1] += amount - each * (months - 1) if k == months - 1 else each

    for inv in f.get("investments", []):
        invest[inv["month"] - 1] += inv["amount_cents"]
        spread(dot, inv["amount_cents"], inv["years"] * 12, inv["month"])
    loans = []
    for it in f.get("financing", []):
        received[it["month"] - 1] += it["amount_cents"]
        if it["kind"] == "investment_subsidy":
            spread(exc, it["amount_cents"], it.get("years", 5) * 12, it["month"])
        elif it["kind"] != "equity":
            L = it["amount_cents"]
            r = F(it.get("rate_bp", 0), 120000)
            n = it["months"]
            if r == 0:
                pay = rnd(F(L, n))
            else:
                rf = it.get("rate_bp", 0) / 10000 / 12
                pay = round_half_away_float(L * rf / (1 - (1 + rf) ** -n))
            bal = L
            month = it["month"]
            sched = []
            for _ in range(it.get("deferral_months", 0)):
                month += 1
                sched.append({"month": month, "interest": rnd(bal * r), "principal": 0, "balance": bal})
            for k in range(1, n + 1):
                month += 1
                interest = rnd(bal * r)
                p = bal if k == n else pay - interest
                bal -= p
                sched.append({"month": month, "interest": interest, "principal": p, "balance": bal})
            inside = [p for p in sched if p["month"] <= M]
            for p in inside:
                fin[p["month"] - 1] += p["interest"]
                principal[p["month"] - 1] += p["principal"]
            loans.append({"name": it["name"], "kind": it["kind"],
                          "interest_total": sum(p["interest"] for p in sched), "schedule": inside})
    years = []
    for y in range(3):
        s = lambda a: sum(a[12 * y:12 * y + 12])
        d = {"year": y + 1, "chiffre_affaires": s(ca), "subventions_exploitation": s(subv),
             "autres_produits": s(autres), "achats": s(achats)}
        d["marge"] = d["chiffre_affaires"] - d["achats"]
        d["charges_externes"] = s(ext)
        d["valeur_ajoutee"] = d["marge"] - d["charges_externes"]
        d["salaires"] = s(sal)
        d["charges_sociales"] = s(soc)
        d["ebe"] = d["valeur_ajoutee"] + d["subventions_exploitation"] - d["salaires"] - d["charges_sociales"]
        d["dotations_amortissements"] = s(dot)
        d["resultat_exploitation"] = d["ebe"] + d["autres_produits"] - d["dotations_amortissements"]
        d["charges_financieres"] = s(fin)
        d["resultat_courant"] = d["resultat_exploitation"] - d["charges_financieres"]
        d["produits_exceptionnels"] = s(exc)
        d["resultat_avant_impot"] = d["resultat_courant"] + d["produits_exceptionnels"]
        rai = d["resultat_avant_impot"]
        tax = 0
        if f["legal_form"] in ("sas", "sarl", "scop", "scic") and rai > 0:
            tax = rnd(F(min(rai, 4250000) * 15, 100) + F(max(rai - 4250000, 0) * 25, 100))
        d["impot_societes"] = tax
        d["resultat_net"] = rai - tax
        if 12 * (y + 1) < M:
            tax_paid[12 * (y + 1)] += tax
        produits = d["chiffre_affaires"] + d["subventions_exploitation"] + d["autres_produits"]
        fixed = d["charges_externes"] + d["salaires"] + d["charges_sociales"] + d["dotations_amortissements"] + d["charges_financieres"]
        d["seuil_rentabilite"] = None
        d["point_mort_mois"] = None
        if produits > 0 and F(produits - d["achats"], produits) > 0:
            seuil = rnd(fixed / F(produits - d["achats"], produits))
            d["seuil_rentabilite"] = seuil
            cum = 0
            for m in range(12):
                i = 12 * y + m
                cum += ca[i] + subv[i] + autres[i]
                if cum >= seuil:
                    d["point_mort_mois"] = m + 1
                    break
        years.append(d)
    cash = []
    bal = f.get("opening_cash_cents", 0)
    for i in range(M):
        bal += receipts[i] - achats[i] - ext[i] - sal[i] - soc[i] - invest[i] + received[i] - fin[i] - principal[i] - tax_paid[i]
        cash.append(bal)
    warnings = []
    neg = next((i + 1 for i, c in enumerate(cash) if c < 0), None)
    if neg:
        warnings.append({"code": "negative_cash", "month": neg})
    tot = lambda k: sum(i["amount_cents"] for i in f.get("financing", []) if i["kind"] == k)
    if tot("honour_loan") > 0 and tot("bank_loan") < 2 * tot("honour_loan"):
        warnings.append({"code": "honour_loan_not_matched"})
    return {"years": years, "cash": cash, "loans": loans, "warnings": warnings}


def round_half_away_float(x):
    return int(math.floor(abs(x) + 0.5)) * (1 if x >= 0 else -1)


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        print(json.dumps(compute(json.load(fh)), indent=1, ensure_ascii=False))
