// Every built-in lesson loads, shows its lab and caption, hides the controls
// it names and runs a few steps; a setup saved as a lesson sets up another
// window the same way.
#include "tests/test_time.h"
#include "app/labs/field/field_controls.h"
#include "app/labs/field/field_lab.h"
#include "app/shell/lab_deck.h"
#include "widgets/field_plot.h"
#include "app/shell/main_window.h"
#include "app/shell/session_actions.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QStandardPaths>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestLessons : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void builtInLessonsRun_data() {
        QTest::addColumn<int>("number");
        const QStringList lessons = SessionActions::builtInLessons();
        QCOMPARE(lessons.size(), 5);
        for (int i = 0; i < lessons.size(); ++i)
            QTest::newRow(qPrintable(lessons[i])) << i + 1;
    }
    void builtInLessonsRun() {
        QFETCH(int, number);
        Lesson lesson;
        QString error;
        QVERIFY2(loadLessonFile(SessionActions::builtInLessons().at(number - 1), &lesson, &error),
                 qPrintable(error));
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QVERIFY2(window.sessions()->startLesson(QString::number(number), &error),
                 qPrintable(error));
        QCOMPARE(window.deck()->currentKey(), lesson.lab);
        QVERIFY(window.captionBar()->isVisible());
        QVERIFY(window.captionBar()->text().contains(lesson.title.toHtmlEscaped()));
        // Every control the lesson sets took its value.
        const QJsonObject now = window.deck()->setups();
        for (auto lab = lesson.setups.begin(); lab != lesson.setups.end(); ++lab) {
            const QJsonObject want = lab.value().toObject();
            for (auto c = want.begin(); c != want.end(); ++c) {
                const QJsonValue got = now.value(lab.key()).toObject().value(c.key());
                QVERIFY2(got == c.value() || (got.isDouble() && c.value().isDouble() &&
                                              qAbs(got.toDouble() - c.value().toDouble()) < 1e-9),
                         qPrintable(lab.key() + "/" + c.key()));
            }
        }
        for (auto it = lesson.hidden.begin(); it != lesson.hidden.end(); ++it) {
            QVERIFY(!it.value().isEmpty());
            for (const QString& name : it.value()) {
                QWidget* control = window.deck()->find(it.key())->panel->findChild<QWidget*>(name);
                QVERIFY2(control && control->isHidden(), qPrintable(name));
            }
        }
        for (const QString& key : lesson.run)
            QTRY_VERIFY2_WITH_TIMEOUT(window.deck()->find(key)->progress() >= 3,
                                      qPrintable(key + " did not run"), scaledMs(120000));
        for (const LabEntry& lab : window.deck()->labs())
            if (lab.setRunning) lab.setRunning(false);
    }

    // Presentation mode hides the advanced controls and shows them again,
    // keeping a lesson's hidden ones hidden.
    void presentationReducesTheControls() {
        MainWindow window;
        QWidget* panel = window.deck()->find("field")->panel;
        auto hidden = [panel](const char* name) {
            return panel->findChild<QWidget*>(name)->isHidden();
        };
        window.deck()->setHidden({{"field", {"seed"}}});
        window.setPresentation(true);
        QVERIFY(hidden("width") && hidden("batch") && hidden("seed"));
        QVERIFY(!hidden("sigma") && !hidden("dataset"));
        // A control that shares its row with a value label hides with its row's title.
        QWidget* chain = window.deck()->find("chain")->panel;
        QLabel* trailTitle = nullptr;
        for (QLabel* l : chain->findChildren<QLabel*>())
            if (l->text() == "Trail") trailTitle = l;
        QVERIFY(trailTitle && trailTitle->isHidden());
        QVERIFY(chain->findChild<QWidget*>("trail")->isHidden());
        window.setPresentation(false);
        QVERIFY(!trailTitle->isHidden());
        QVERIFY(!hidden("width") && !hidden("batch"));
        QVERIFY(hidden("seed"));
    }

    // A lesson starts clean: what it doesn't name goes back to its default,
    // paint mode ends, painted points go, other labs pause; its caption
    // shows over its own lab only.
    void lessonStartsClean() {
        MainWindow window;
        window.show();
        FieldLab* field = window.fieldLab();
        QWidget* panel = window.deck()->find("field")->panel;
        auto* heat = panel->findChild<QComboBox*>("heatMap");
        auto* speed = panel->findChild<QComboBox*>("speed");
        QVERIFY(heat && speed);
        const QString heatDefault = heat->currentText();
        heat->setCurrentIndex(2);
        speed->setCurrentIndex(0);
        field->plot()->setPaintMode(true);
        for (const QAbstractButton* b : field->controls()->findChildren<QAbstractButton*>())
            if (b->text() == "Paint") const_cast<QAbstractButton*>(b)->click();
        QVERIFY(field->plot()->paintMode());
        field->plot()->addPaintedPoint({0.1, 0.2});
        field->plot()->addPaintedPoint({0.3, 0.4});
        QCOMPARE(field->plot()->paintedPoints().size(), 2);
        window.deck()->find("interpolation")->setRunning(true);
        QVERIFY(window.deck()->find("interpolation")->running());

        QString error;
        QVERIFY2(window.sessions()->startLesson("1", &error), qPrintable(error));
        QCOMPARE(heat->currentText(), heatDefault);
        QVERIFY(!field->plot()->paintMode());
        QVERIFY(field->plot()->paintedPoints().isEmpty());
        QCOMPARE(speed->currentData().toInt(), 1); // lesson 1's paced start
        QVERIFY(!window.deck()->find("interpolation")->running());
        QTRY_VERIFY(window.deck()->find("field")->running());
        QVERIFY(window.captionBar()->isVisible());
        window.deck()->show("chain");
        QVERIFY(!window.captionBar()->isVisible());
        window.deck()->show("field");
        QVERIFY(window.captionBar()->isVisible());
        window.deck()->pauseAll();
    }

    void savedSetupSetsUpAnotherWindow() {
        MainWindow a;
        QString error;
        QVERIFY(a.sessions()->startLesson("1", &error));
        a.deck()->applySetups({{"field", QJsonObject{{"sigma", 0.07}, {"seed", 42}}}});
        const Lesson made =
            a.sessions()->currentAsLesson("Mine", "Look here", {{"field", {"seed"}}});
        Lesson read;
        QVERIFY2(parseLesson(lessonToJson(made), &read, &error), qPrintable(error));

        MainWindow b;
        QVERIFY2(b.sessions()->applyLesson(read, &error), qPrintable(error));
        QCOMPARE(b.deck()->setups().value("field"), a.deck()->setups().value("field"));
        QVERIFY(b.deck()->find("field")->panel->findChild<QWidget*>("seed")->isHidden());
        QVERIFY(!b.deck()->find("field")->panel->findChild<QWidget*>("width")->isHidden());
        QVERIFY(b.sessions()->startLesson("9", &error) == false);
        QVERIFY2(error.contains("no lesson 9"), qPrintable(error));
    }
};

QTEST_MAIN(TestLessons)
#include "tst_lessons.moc"
