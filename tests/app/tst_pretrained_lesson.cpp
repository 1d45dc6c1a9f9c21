// Lesson 4 opens the model zoo's ACAI and plain AE (docs/model-zoo.md): within
// seconds the active model is the zoo's ACAI at its pretrained step, the
// comparison row is the zoo's plain AE, and the badge says so. Without the
// zoo the lesson trains live and says why. The lab's menu offers the zoo.
#include "tests/test_time.h"
#include "app/labs/interp/interp_controls.h"
#include "app/labs/interp/interp_lab.h"
#include "app/shell/lab_deck.h"
#include "app/shell/main_window.h"
#include "app/shell/session_actions.h"
#include "app/zoo/zoo_catalogue.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/test_warnings.h"

using namespace aelab;

class TestPretrainedLesson : public QObject {
    Q_OBJECT
  private slots:
    void init() { failOnWarnings(); }
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void lessonFourOpensTheZoosModels() {
        const zoo::Zoo z = zoo::readZoo();
        const zoo::ZooModel *acai = zoo::findModel(z, "lines-acai"),
                            *plain = zoo::findModel(z, "lines-plain");
        QVERIFY(acai && plain);
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QElapsedTimer clock;
        clock.start();
        QString error;
        QVERIFY2(window.sessions()->startLesson("4", &error), qPrintable(error));
        auto* lab = qobject_cast<InterpLab*>(window.deck()->find("interpolation")->lab);
        QVERIFY(lab);
        QTRY_VERIFY_WITH_TIMEOUT(lab->framesSnapshot().step == acai->steps &&
                                     lab->framesSnapshot().compareName.contains("Plain"),
                                 scaledMs(60000));
        qInfo("lesson 4 showed the pretrained ACAI and plain AE after %lld ms", clock.elapsed());
        QCOMPARE(lab->framesSnapshot().model, int(InterpModel::Acai));
        QVERIFY(!lab->framesSnapshot().compare.isEmpty());
        QVERIFY(lab->pretrainedLabel()->isVisible());
        QCOMPARE(lab->pretrainedLabel()->text(),
                 "<b>" + zoo::pretrainedBadge(*acai) + "</b> · lines-acai from the model zoo");
        QVERIFY(!window.deck()->find("interpolation")->running()); // ready to scrub, not training
        // New model: the badge goes, the step starts again.
        emit lab->controls()->rebuildRequested();
        QTRY_VERIFY(lab->lastSnapshot().step == 0 && !lab->pretrainedLabel()->isVisible());
    }
    void theModelMenuOffersTheZoo() {
        MainWindow window;
        window.show();
        auto* lab = qobject_cast<InterpLab*>(window.deck()->find("interpolation")->lab);
        QPushButton* button = nullptr;
        for (QPushButton* b : lab->controls()->findChildren<QPushButton*>())
            if (b->text() == "Pretrained model") button = b;
        QVERIFY(button && button->isEnabled() && button->menu());
        QStringList offered;
        for (QAction* a : button->menu()->actions())
            offered << a->text();
        QVERIFY2(offered.filter("lines-acai: ACAI on lines, pretrained: ").size() == 1,
                 qPrintable(offered.join("; ")));
        QVERIFY(offered.filter("lines-plain").size() == 1);
    }
    void withoutTheZooTheLessonTrainsLive() {
        QTemporaryDir empty;
        qputenv("AELAB_MODELS_DIR", empty.path().toUtf8());
        MainWindow window;
        window.show();
        QString error;
        QVERIFY2(window.sessions()->startLesson("4", &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(window.deck()->find("interpolation")->progress() >= 3,
                                 scaledMs(120000));
        window.deck()->find("interpolation")->setRunning(false);
        qunsetenv("AELAB_MODELS_DIR");
    }
};

QTEST_MAIN(TestPretrainedLesson)
#include "tst_pretrained_lesson.moc"
